import { z } from 'zod';

/*
 * The 200 bodies of the rule-draft routes, typed for the console's generated client: the gate's
 * report with its impact preview, a draft with its steps, the carried cases side by side and
 * the history. They describe what src/use-cases/rule-drafts returns; the route tests parse the
 * responses of the sample county with them.
 */

const Json = z.record(z.string(), z.unknown());

/** A text in both languages, where the gate's report has it so (a validation's answer; stored reports keep the English). */
const BothLanguages = z.object({ zh: z.string(), en: z.string() });

const GateProblemSchema = z.object({
  message: z.string(),
  text: BothLanguages.optional().describe('the message in zh and en'),
  path: z.string().optional(),
  fact: z.string().optional(),
  case: z.string().optional(),
});

const ImpactCount = z.object({ judged: z.number().int(), changed: z.number().int() });

const OutcomeChangeSchema = z.object({
  subjectType: z.enum(['household', 'village', 'county', 'township', 'assisting-unit']),
  subjectId: z.string(),
  ruleSetId: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  items: z.array(z.object({ id: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  villageId: z.string().optional().describe('where a household or village lies'),
  townshipId: z.string().optional(),
});

const Failure = z.object({ subject: z.string(), error: z.string() });

export const ImpactPreviewSchema = z
  .object({
    ruleSetId: z.string(),
    quarter: z.string(),
    asOf: z.string(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    draftInForce: z.boolean(),
    totals: z.object({ households: ImpactCount, villages: ImpactCount, counties: ImpactCount, units: ImpactCount }),
    counties: z.array(
      z.object({ countyId: z.string(), households: ImpactCount, villages: ImpactCount, county: ImpactCount, units: ImpactCount, examples: z.array(OutcomeChangeSchema) }),
    ),
    failures: z.array(Failure),
    skipped: z.array(Failure),
    changesOutcomes: z.boolean(),
  })
  .describe('the impact preview: every county of the store judged with the version in force and with the draft');

export const GateReportSchema = z
  .object({
    ruleSetId: z.string().nullable(),
    version: z.number().int().nullable(),
    ok: z.boolean(),
    steps: z.array(
      z.object({
        step: z.enum(['schema', 'version', 'static', 'cases', 'preview']),
        ok: z.boolean(),
        summary: z.string(),
        summaryText: BothLanguages.optional().describe('the summary in zh and en'),
        problems: z.array(GateProblemSchema),
      }),
    ),
    preview: ImpactPreviewSchema.nullable(),
  })
  .describe('the publish gate: schema → version → static checks → scenario cases → impact preview');

/** `POST /rule-sets/{ruleSetId}/validations`: the gate's report, its texts in both languages, and each scenario case's result. */
export const ValidationSchema = z.object({
  report: GateReportSchema,
  cases: z.array(z.object({ name: z.string(), passed: z.boolean(), differences: z.array(z.string()) })),
});

const DraftStatus = z.enum(['draft', 'submitted', 'approved', 'rejected', 'withdrawn']);

export const DraftStepSchema = z.object({
  action: z.enum(['create', 'save', 'confirm-cases', 'submit', 'approve', 'publish-failed', 'reject', 'withdraw']),
  by: z.string().describe('the signing principal'),
  at: z.string(),
  note: z.string(),
  status: DraftStatus.describe('the status after the step'),
  report: GateReportSchema.optional().describe('submission and approval: the gate as it ran then'),
  selfApproved: z.boolean().optional(),
  version: z.number().int().optional(),
});

const TotalsSchema = z.object({ households: ImpactCount, villages: ImpactCount, counties: ImpactCount, units: ImpactCount });

/** What a draft keeps of a step's report: the gate's steps and problems whole, the impact's totals. */
const ReportSummarySchema = z
  .object({
    ok: z.boolean(),
    ruleSetId: z.string().nullable(),
    version: z.number().int().nullable(),
    steps: GateReportSchema.shape.steps,
    totals: TotalsSchema.nullable(),
    changesOutcomes: z.boolean().nullable(),
  })
  .describe("the report's summary: whether the gate passed, its steps with their problems, the impact's totals");

/** A step as the drafts list, one draft and the history give it: its report as the summary and the key its pages are read by. */
export const DraftStepOverviewSchema = DraftStepSchema.omit({ report: true }).extend({
  reportSummary: ReportSummarySchema.optional(),
  reportRef: z.object({ key: z.string(), chunks: z.number().int() }).optional().describe('GET …/drafts/{draftId}/reports/{key} reads the whole report in pages'),
});

export const RuleDraftSchema = z.object({
  draftId: z.string(),
  ruleSetId: z.string(),
  baseVersion: z.number().int().nullable(),
  rollbackTo: z.number().int().nullable(),
  status: DraftStatus,
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ruleSet: Json.describe('the rule set being edited (rules/rule-set.schema.json once valid)'),
  cases: Json.nullable().describe('the scenario cases travelling with the draft'),
  steps: z.array(DraftStepSchema),
  publishedVersion: z.number().int().nullable(),
});

/** A draft without its whole reports: each step's report as its summary. */
export const DraftOverviewSchema = RuleDraftSchema.extend({ steps: z.array(DraftStepOverviewSchema) });

/** `GET …/drafts/{draftId}/reports/{reportKey}`: the report's summary and outline, and a page of its changes. */
export const ReportPageSchema = z.object({
  ruleSetId: z.string(),
  draftId: z.string(),
  reportKey: z.string(),
  summary: ReportSummarySchema,
  preview: ImpactPreviewSchema.extend({
    counties: z.array(z.object({ countyId: z.string(), households: ImpactCount, villages: ImpactCount, county: ImpactCount, units: ImpactCount })),
  })
    .nullable()
    .describe("the impact without its change lists: each county's counts, the failures, what was skipped"),
  offset: z.number().int(),
  limit: z.number().int(),
  total: z.number().int().describe('how many changes the whole report lists'),
  nextOffset: z.number().int().nullable().describe('the offset of the next page, null after the last'),
  changes: z.array(OutcomeChangeSchema.extend({ countyId: z.string() })).describe("the page's changes, county after county, in the stored order"),
});

const CaseResultSchema = z.object({ outcome: z.string(), items: z.record(z.string(), z.string()) }).nullable();

export const CarriedCasesSchema = z.object({
  ruleSetId: z.string(),
  cases: z.array(
    z.object({
      name: z.string(),
      year: z.number().int(),
      expected: z.object({ outcome: z.string(), items: z.record(z.string(), z.string()).optional() }),
      before: CaseResultSchema.describe('with the version in force'),
      after: CaseResultSchema.describe('with the draft'),
      changed: z.boolean(),
      passes: z.boolean(),
      differences: z.array(z.string()),
    }),
  ),
  changed: z.number().int(),
  failing: z.number().int(),
});

const DraftGateOutcomeSchema = z.object({
  status: z.enum(['submitted', 'approved', 'refused']),
  message: z.string().optional().describe('why the gate refused'),
  draft: DraftOverviewSchema.describe("the draft after the step; the step's report is read in pages from GET …/drafts/{draftId}/reports/{reportKey}"),
  report: ReportSummarySchema.describe("the gate's report as its summary: each step with its problems, and the impact's totals"),
});

const ValueChange = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
const ItemDiff = z.object({ id: z.string(), change: z.enum(['added', 'removed', 'changed']), fields: z.array(ValueChange) });
const DiffSchema = z.object({ fromVersion: z.number().int(), toVersion: z.number().int(), parameters: z.array(ValueChange), items: z.array(ItemDiff), warnings: z.array(ItemDiff), other: z.array(ValueChange) });

export const HistorySchema = z.object({
  ruleSetId: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      effectiveFrom: z.string(),
      changeNote: z.string(),
      author: z.string(),
      note: z.string(),
      publishedAt: z.string(),
      contentHash: z.string(),
      approval: z.object({ draftId: z.string(), approvedBy: z.string(), approvedAt: z.string(), selfApproved: z.boolean() }).nullable(),
      diff: DiffSchema.nullable().describe('to the version before'),
      cases: Json.nullable(),
      impact: z
        .object({ draftId: z.string(), reportKey: z.string(), summary: ReportSummarySchema })
        .nullable()
        .describe('the impact as approved: its summary, its changes read in pages from GET …/drafts/{draftId}/reports/{reportKey}'),
      ruleSet: Json,
    }),
  ),
  drafts: z.array(DraftOverviewSchema.extend({ diff: DiffSchema.nullable().describe('to the version it started from') })),
});

/** The 200 body of each rule-draft route, by route name. */
export const DRAFT_RESPONSES = {
  'get-rule-set-history': HistorySchema,
  'get-rule-set-drafts': z.object({ ruleSetId: z.string(), drafts: z.array(DraftOverviewSchema) }),
  'post-rule-set-draft': DraftOverviewSchema,
  'get-rule-set-draft': DraftOverviewSchema,
  'get-rule-set-draft-report': ReportPageSchema,
  'post-rule-set-draft-save': DraftOverviewSchema,
  'post-rule-set-draft-case-run': CarriedCasesSchema,
  'post-rule-set-draft-case-confirmation': z.object({ draft: DraftOverviewSchema, confirmed: z.array(z.string()) }),
  'post-rule-set-draft-submission': DraftGateOutcomeSchema,
  'post-rule-set-draft-approval': DraftGateOutcomeSchema,
  'post-rule-set-draft-rejection': DraftOverviewSchema,
  'post-rule-set-draft-withdrawal': DraftOverviewSchema,
} as const;
