import { z } from 'zod';
import { ValidationSchema } from './draft-response-schemas.js';

/**
 * The shapes of the API's 200 responses, rendered into docs/openapi.json so that a generated
 * client (the console's) is typed. They describe what the use cases return; a test parses real
 * responses of the sample county with them, so a drift fails.
 */
export const TextSchema = z.object({ zh: z.string(), en: z.string() });

const Figures = z.record(z.string(), z.number().nullable());

export const VerdictSchema = z
  .object({
    subjectType: z.enum(['household', 'village', 'county']),
    subjectId: z.string(),
    ruleSetId: z.string(),
    ruleSetVersion: z.number().int(),
    year: z.number().int(),
    outcome: z.string(),
    outcomeLabel: TextSchema,
    items: z.array(
      z.object({
        id: z.string(),
        outcome: z.enum(['pass', 'fail', 'unknown']),
        label: TextSchema,
        actual: z.unknown().describe('the value found'),
        expected: z.string().describe('what was required'),
        missing: z.array(z.string()).optional().describe('record fields whose absence made the item unknown'),
      }),
    ),
    reasons: z.array(z.string()),
    missing: z.array(z.string()),
    warnings: z.array(z.object({ id: z.string(), label: TextSchema, actual: z.unknown(), expected: z.string() })),
    figures: Figures.optional(),
    determinationId: z.string(),
  })
;

const ItemBrief = z.object({ id: z.string(), label: TextSchema, outcome: z.string(), actual: z.unknown(), expected: z.string() });

const CountyBrief = z.object({ countyId: z.string(), name: z.string().nullable(), province: z.string().nullable(), region: z.string().nullable() });

export const RunSchema = z
  .object({
    runId: z.string(),
    quarter: z.string(),
    status: z.enum(['running', 'succeeded', 'succeeded-with-rejected-rows', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    ruleSetVersions: z.record(z.string(), z.number().int()),
    writes: z.object({ verdicts: z.number().int(), scores: z.number().int(), cards: z.number().int() }),
    failedVillages: z.array(z.object({ villageId: z.string(), error: z.string() })),
    stageSeconds: z.record(z.string(), z.number()),
  })
;

const UnitType = z.enum(['township', 'assisting-unit']);
const Card = z.enum(['red-flag', 'yellow-card']).nullable();
const Indicators = z.object({ 'exit-target': z.number(), assurances: z.number(), stability: z.number(), 'data-quality': z.number() });
const Detail = z.object({ numerator: z.number().int(), denominator: z.number().int(), emptyDenominator: z.boolean() });

export const ScoreSchema = z
  .object({
    rank: z.number().int(),
    unitType: UnitType,
    unitId: z.string(),
    unitName: z.string().nullable(),
    countyId: z.string(),
    quarter: z.string(),
    score: z.number(),
    indicators: Indicators,
    card: Card,
    consecutiveYellow: z.number().int(),
    yellowThisYear: z.number().int(),
    details: z.object({ 'exit-target': Detail, assurances: Detail, stability: Detail, 'data-quality': Detail }),
  })
;

export const ListRowSchema = z
  .object({
    list: z.enum(['interview', 'resignation']),
    quarter: z.string(),
    unitType: UnitType,
    unitId: z.string(),
    unitName: z.string().nullable(),
    official: z.object({ name: z.string().nullable(), title: z.string().nullable() }),
    missing: z.array(z.string()).optional(),
    trigger: z.string(),
    triggerLabel: TextSchema,
    cardHistory: z.array(z.string()),
    reasons: z.array(
      z.object({ indicator: z.string(), label: TextSchema, value: z.number(), pointsLost: z.number(), households: z.array(z.string()), villages: z.array(z.string()) }),
    ),
  })
;

const Share = z.number().nullable();
const DeprivationGroup = z.object({
  households: z.number().int().describe('households judged by household-exit'),
  unknown: z.number().int().describe('of them, left out of H, A and M0 for an unknown item'),
  counted: z.number().int().describe('n: households with every item known'),
  poor: z.number().int().describe('q: counted households whose failing items weigh at least the cut-off'),
  headcount: Share.describe('H = q / n'),
  intensity: Share.describe("A: the poor's average deprivation share"),
  adjustedHeadcount: Share.describe('M0 = H × A'),
  contribution: Share.describe("share of the county's M0"),
});

export const DeprivationProfileSchema = z
  .object({
    unavailable: z.enum(['no-parameters', 'invalid-parameters', 'mixed-parameters']).nullable(),
    cutoff: z.number().nullable(),
    totalWeight: z.number().nullable(),
    items: z.array(z.object({ id: z.string(), label: TextSchema.nullable(), weight: z.number(), censoredHeadcount: Share, contribution: Share })),
    county: DeprivationGroup.nullable(),
    townships: z.array(DeprivationGroup.extend({ townshipId: z.string(), name: z.string().nullable() })),
    villages: z.array(DeprivationGroup.extend({ villageId: z.string(), name: z.string().nullable(), townshipId: z.string() })),
  })
  .describe('the Alkire–Foster profile over the household-exit items (docs/standards.md, "Deprivation profile")');

const OutcomeCountSchema = z.object({ ruleSetId: z.string(), subjectType: z.string(), counts: z.record(z.string(), z.number().int()), labels: z.record(z.string(), TextSchema) });

/** The 200 body of each read route, by route name. */
export const READ_RESPONSES = {
  'get-runs': z.object({ quarter: z.string(), runs: z.array(RunSchema) }),
  'get-run': RunSchema,
  'get-counties': z.object({ counties: z.array(CountyBrief) }),
  'get-county-overview': z.object({
    county: CountyBrief,
    quarter: z.string(),
    year: z.number().int(),
    outcomes: z.array(OutcomeCountSchema),
    villages: z.array(
      z.object({
        villageId: z.string(),
        name: z.string().nullable(),
        townshipId: z.string(),
        townshipName: z.string().nullable(),
        outcome: z.string().nullable(),
        outcomeLabel: TextSchema.nullable(),
        failingItems: z.array(ItemBrief),
        figures: Figures,
        householdItems: z.object({ judged: z.number().int(), failing: z.record(z.string(), z.number().int()) }).describe('of the households judged by household-exit, how many fail each item'),
      }),
    ),
    householdItemLabels: z.array(z.object({ id: z.string(), label: TextSchema })),
    countyVerdict: z.object({ outcome: z.string(), outcomeLabel: TextSchema, items: z.array(ItemBrief), figures: Figures }).nullable(),
    deprivation: DeprivationProfileSchema,
    sources: z.object({ tallies: z.number().int(), verdicts: z.number().int() }).describe("villages read from their tallies of the quarter, and from their verdicts (a tally written before the overview's sums)"),
  }),
  'get-village-households': z.object({
    village: z.object({ villageId: z.string(), name: z.string().nullable(), townshipId: z.string(), countyId: z.string() }),
    year: z.number().int(),
    villageVerdicts: z.array(VerdictSchema),
    households: z.array(
      z.object({
        householdId: z.string(),
        headName: z.string().nullable().describe("户主姓名, the head of household's name where the data has it: personal data, returned to the route's signed-in callers only and never logged"),
        status: z.string(),
        verdicts: z.array(VerdictSchema),
      }),
    ),
  }),
  'get-county-accountability': z.object({ countyId: z.string(), quarter: z.string(), scores: z.array(ScoreSchema), lists: z.array(ListRowSchema) }),
  'get-county-trends': z.object({
    countyId: z.string(),
    until: z.string(),
    quarters: z.array(
      z.object({
        quarter: z.string(),
        latestRun: z.object({ runId: z.string(), status: z.enum(['running', 'succeeded', 'succeeded-with-rejected-rows', 'failed']), finishedAt: z.string().nullable() }).nullable(),
        villages: z.object({ counted: z.number().int(), withoutSums: z.number().int() }).describe("villages counted from their tallies, and villages whose tally predates the overview's sums (left out)"),
        outcomes: z.array(OutcomeCountSchema),
        deprivation: z.object({ headcount: Share, intensity: Share, adjustedHeadcount: Share }).nullable(),
      }),
    ).describe('the quarters with a run and tallies of the county, oldest first'),
  }),
  'get-county-report': z.string().describe('the workbook (report.xlsx), saved under the Content-Disposition file name'),
  'get-unit-cards': z.object({
    unitType: UnitType,
    unitId: z.string(),
    cards: z.array(z.object({ unitType: UnitType, unitId: z.string(), quarter: z.string(), card: Card })),
  }),
} as const;

/** The 200 body of each evaluation and administration route, by route name. */
export const OTHER_RESPONSES = {
  'post-evaluation': z.object({ verdict: VerdictSchema }),
  'post-village-re-evaluation': z.object({
    villageId: z.string(),
    countyId: z.string(),
    quarter: z.string(),
    village: VerdictSchema,
    county: VerdictSchema.nullable(),
    households: z.object({ count: z.number().int(), outcomes: z.record(z.string(), z.record(z.string(), z.array(z.string()))).describe('{ ruleSetId: { outcome: [householdId…] } }') }),
    verdictWrites: z.number().int(),
  }),
  'get-verdicts': z.object({ subjectType: z.enum(['household', 'village', 'county']), subjectId: z.string(), verdicts: z.array(VerdictSchema) }),
  // The rule-set administration bodies are described in docs/api.md; their full types come with the rule-authoring pages.
  'get-rule-sets': z.looseObject({ ruleSets: z.array(z.looseObject({})) }),
  'get-rule-set-versions': z.looseObject({ ruleSetId: z.string(), versions: z.array(z.looseObject({})) }),
  'post-rule-set-validation': ValidationSchema,
  'post-rule-set-version': z.looseObject({}),
  'post-rule-set-rollback': z.looseObject({}),
  'get-household': z.looseObject({ householdId: z.string(), villageId: z.string() }).describe('the household record as stored, fields of the data contract (docs/data-contract.md)'),
  'get-village': z
    .object({
      village: z.looseObject({ villageId: z.string(), countyId: z.string() }).describe('the village record as stored, fields of the data contract (docs/data-contract.md)'),
      region: z.enum(['west', 'central', 'east']).nullable().describe("the county's region, which sets the village-exit thresholds"),
      households: z.array(z.looseObject({ householdId: z.string(), villageId: z.string() })).describe("the village's household records as stored"),
    })
    .describe('what a village-exit scenario case holds of a village in the data'),
} as const;
