import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RuleSetYearMissingError } from '../../../src/engine/errors.js';
import { EVALUATORS, type ItemEvaluator } from '../../../src/engine/evaluators.js';
import { ITEM_OUTCOMES, type Verdict } from '../../../src/engine/verdict.js';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import {
  CountySchema,
  HOUSEHOLD_STATUSES,
  HouseholdSchema,
  REGIONS,
  SAFETY_GRADES,
  SCHOOLING_VALUES,
  TownshipSchema,
  VillageSchema,
  type Household,
} from '../../../src/records/records.js';
import type { StandardId } from '../../../src/standards/standard-ids.js';
import { judgeHousehold } from '../../../src/use-cases/scoring/judge-household.js';
import { scoreCounty, sumPopulations } from '../../../src/use-cases/scoring/score-county.js';
import { scoreVillage } from '../../../src/use-cases/scoring/score-village.js';
import { createScoringContext, type ScoringContext } from '../../../src/use-cases/scoring-context.js';
import { aCounty, aHousehold, aTownship, aVillage } from '../../helpers/builders.js';
import { ruleSetsFor } from '../../helpers/repository-rule-sets.js';

/**
 * Arbitrary records, from valid ones to garbage, through the record schemas and then the
 * engine: a record is either refused by the schema with issues, or judged into well-formed
 * verdicts; nothing throws. The reference evaluator runs json-rules-engine twice per subject,
 * so it gets fewer runs.
 */

const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020] as const;
const runsOf = (evaluator: ItemEvaluator, many: number) => (evaluator.name === 'reference' ? Math.ceil(many / 5) : many);

// ---------------------------------------------------------------- arbitraries

const ABSENT = Symbol('absent');

/** Values a field should never hold: wrong types, NaN-like text, extremes, structures. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '４２', '0x10', 'true', 'null', '2018-02-30', '2018-3-1'),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, -1e308, 1e308, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2, 0.5),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 2 })), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('x', '__proto__', 'constructor', 'toString'), fc.oneof(fc.integer(), fc.constant(null)), { maxKeys: 2 }),
);

/** Ids: ordinary, unicode (CJK extension B, emoji, zero-width, lone surrogate), prototype names, blank. */
const anId = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Z]-\d{1,4}$/), weight: 4 },
  { arbitrary: fc.constantFrom('户-𠀀-🏠', '\u200b', 'ID\u0000', '\ud800', 'إ-١', '__proto__', 'constructor', 'toString', '  '), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), weight: 1 },
);

const tri = fc.constantFrom(true, false, null);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
const amount = fc.oneof(fc.constantFrom(0, 20, 40, 95, 100, 30000), fc.double({ min: 0, max: 1e6, noNaN: true }));
const income = fc.oneof(
  fc.constantFrom(2800, 2968, 3146, 3335, 3535, 3747, 4000, 5302.5, 0, -0),
  fc.double({ min: -5e3, max: 2e4, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const year = fc.integer({ min: 2010, max: 2021 });
const date = fc.date({ min: new Date('2013-01-01T00:00:00Z'), max: new Date('2021-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const memberRaw = fc.record(
  {
    memberId: anId,
    age: maybe(
      fc.oneof(
        { arbitrary: fc.constantFrom(5, 6, 15, 16), weight: 4 },
        { arbitrary: fc.integer({ min: 0, max: 110 }), weight: 5 },
        { arbitrary: fc.constantFrom(-1, -15), weight: 1 },
      ),
    ),
    schooling: maybe(fc.constantFrom(...SCHOOLING_VALUES)),
    medicalInsurance: tri,
    criticalIllnessInsurance: tri,
    fiscalPayroll: tri,
    villageCadre: tri,
    seriousIllness: tri,
  },
  { requiredKeys: ['memberId'] },
);

const members = fc.oneof(
  { arbitrary: fc.array(memberRaw, { maxLength: 7 }), weight: 12 },
  { arbitrary: fc.array(memberRaw, { minLength: 150, maxLength: 400 }), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const householdFields = {
  householdId: anId,
  villageId: anId,
  status: fc.oneof({ arbitrary: fc.constantFrom(...HOUSEHOLD_STATUSES), weight: 9 }, { arbitrary: fc.constantFrom('Poor', 'exit', ''), weight: 1 }),
  registeredYear: maybe(year),
  returnedYear: maybe(year),
  plannedExitYear: maybe(year),
  incomePerCapita: maybe(income),
  members,
  housing: maybe(fc.record({ hasHouse: tri, safetyGrade: maybe(fc.constantFrom(...SAFETY_GRADES)), relocated: tri, movedIn: tri }, { requiredKeys: [] })),
  water: maybe(fc.record({ qualityOk: tri, litresPerPersonDay: maybe(amount), fetchMinutes: maybe(amount), reliabilityPct: maybe(fc.double({ min: 0, max: 100, noNaN: true })) }, { requiredKeys: [] })),
  electricity: tri,
  radioTv: tri,
  assets: maybe(fc.record({ townProperty: tri, vehicleValue: maybe(amount), ownsBusiness: tri, hiresLabour: tri }, { requiredKeys: [] })),
  awayMonths: maybe(fc.integer({ min: 0, max: 36 })),
  splitHousehold: tri,
  spending: maybe(fc.record({ medicalSelfPaid: maybe(amount), education: maybe(amount), disasterLoss: maybe(amount) }, { requiredKeys: [] })),
  notices: maybe(fc.array(fc.record({ stage: maybe(fc.constantFrom('first', 'second')), start: maybe(date), end: maybe(date) }, { requiredKeys: [] }), { maxLength: 3 })),
};

const HOUSEHOLD_PATHS = [
  ...Object.keys(householdFields),
  'housing.safetyGrade',
  'housing.relocated',
  'water.litresPerPersonDay',
  'water.reliabilityPct',
  'assets.vehicleValue',
  'spending.medicalSelfPaid',
  'notices.0.start',
  'members.0.age',
  'members.0.schooling',
  'members.0.memberId',
  'members.1.medicalInsurance',
  'members.1',
  '__proto__',
  'constructor',
  'extra',
];

/** Sets (or, with ABSENT, deletes) a value at a dotted path, where the parent exists. */
function mutate(record: unknown, path: string, value: unknown): void {
  const steps = path.split('.');
  let parent: unknown = record;
  for (const step of steps.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return;
    parent = (parent as Record<string, unknown>)[step];
  }
  if (typeof parent !== 'object' || parent === null) return;
  const last = steps[steps.length - 1]!;
  if (value === ABSENT) delete (parent as Record<string, unknown>)[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
}

/** A raw record: the builder's, or random valid fields, then a few random breakages. */
function rawRecord(base: fc.Arbitrary<Record<string, unknown>>, paths: readonly string[]): fc.Arbitrary<unknown> {
  const breakage = fc.tuple(fc.constantFrom(...paths), fc.oneof({ arbitrary: fc.constant<unknown>(ABSENT), weight: 1 }, { arbitrary: junk, weight: 3 }));
  const broken = fc.tuple(base, fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(breakage, { minLength: 1, maxLength: 3 }), weight: 1 })).map(([record, changes]) => {
    const copy = structuredClone(record);
    for (const [path, value] of changes) mutate(copy, path, value);
    return copy as unknown;
  });
  return fc.oneof({ arbitrary: broken, weight: 30 }, { arbitrary: junk, weight: 1 });
}

const householdRaw = rawRecord(
  fc.oneof(
    { arbitrary: fc.constant(aHousehold() as Record<string, unknown>), weight: 1 },
    { arbitrary: fc.record(householdFields, { requiredKeys: ['householdId', 'villageId', 'status'] }) as fc.Arbitrary<Record<string, unknown>>, weight: 4 },
  ),
  HOUSEHOLD_PATHS,
);

const villageRaw = rawRecord(
  fc
    .record(
      {
        ruralRegisteredPopulation: maybe(fc.oneof(fc.constantFrom(0, 1, 800), fc.integer({ min: 0, max: 100_000 }))),
        collectiveIncome: maybe(fc.oneof(fc.constantFrom(0, -1, 20000), fc.double({ min: -1e5, max: 1e6, noNaN: true }))),
        hasHardenedRoad: tri,
        hasStandardClinic: tri,
        hasCultureRoom: tri,
        hasNetwork: tri,
      },
      { requiredKeys: [] },
    )
    .map((fields) => ({ ...aVillage(), ...fields }) as Record<string, unknown>),
  ['villageId', 'ruralRegisteredPopulation', 'collectiveIncome', 'hasNetwork', 'assistingUnitId', 'name'],
);

const count = maybe(fc.oneof(fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 5000 })));
const countyRaw = rawRecord(
  fc
    .record(
      {
        region: maybe(fc.constantFrom(...REGIONS)),
        ruralRegisteredPopulation: maybe(fc.oneof(fc.constantFrom(0, 10000), fc.integer({ min: 0, max: 1_000_000 }))),
        survey: maybe(
          fc.record(
            { exitedSampled: count, wronglyExited: count, unregisteredSampled: count, omitted: count, householdsSurveyed: count, householdsApproving: count },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    )
    .map((fields) => ({ ...aCounty(), ...fields }) as Record<string, unknown>),
  ['countyId', 'region', 'ruralRegisteredPopulation', 'survey', 'survey.omitted', 'survey.householdsSurveyed'],
);

const townshipRaw = rawRecord(
  fc
    .record({ townshipId: anId, hasStandardCentralSchool: tri, hasQualifiedHealthCentre: tri, hasServiceCentre: tri }, { requiredKeys: ['townshipId'] })
    .map((fields) => ({ ...aTownship(), ...fields }) as Record<string, unknown>),
  ['townshipId', 'hasServiceCentre', 'principal'],
);

/** The households of one village: those of the raw records the schema accepts. */
const villageHouseholds = fc.array(householdRaw, { maxLength: 6 }).map((raws) =>
  raws.flatMap((raw, index) => {
    const parsed = HouseholdSchema.safeParse(raw);
    return parsed.success ? [{ ...parsed.data, householdId: `${parsed.data.householdId}#${index}` }] : [];
  }),
);

const quarterOf = (y: number) => fc.integer({ min: 1, max: 4 }).map((q) => `${y}Q${q}`);

// ---------------------------------------------------------------- checks

const HAN = /\p{Script=Han}/u;

/** A verdict is explained: a known outcome with its label, every item labelled, required, and, when unknown, what is missing. */
function expectWellFormed(verdict: Verdict, ruleSet: RuleSet, year: number): void {
  expect(Object.keys(ruleSet.outcomeLabels)).toContain(verdict.outcome);
  expect(verdict.outcomeLabel).toEqual(ruleSet.outcomeLabels[verdict.outcome]);
  expect(verdict).toMatchObject({ ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, year });
  expect(verdict.determinationId).toMatch(/^[0-9a-f]{64}$/);
  expect(verdict.items.map((item) => item.id)).toEqual(ruleSet.items.map((item) => item.id));
  for (const item of verdict.items) {
    expect(ITEM_OUTCOMES).toContain(item.outcome);
    expect(item.label.zh).toMatch(HAN);
    expect(item.label.en.trim()).not.toBe('');
    expect(typeof item.expected).toBe('string');
    expect(item.expected.trim()).not.toBe('');
    expect(item.actual).not.toBeUndefined();
    if (item.outcome === 'unknown') {
      expect(item.missing?.length, `unknown item ${item.id} names what is missing`).toBeGreaterThan(0);
      for (const field of item.missing!) expect(field.trim()).not.toBe('');
    } else {
      expect(item.missing).toBeUndefined();
    }
  }
  expect(verdict.missing).toEqual([...new Set(verdict.items.flatMap((item) => item.missing ?? []))].sort());
  for (const reason of verdict.reasons) expect(ruleSet.items.map((item) => item.id)).toContain(reason);
  for (const warning of verdict.warnings) {
    expect(ruleSet.warnings.map((w) => w.id)).toContain(warning.id);
    expect(warning.label.zh).toMatch(HAN);
    expect(typeof warning.expected).toBe('string');
  }
  expect(() => JSON.stringify(verdict)).not.toThrow();
}

/** The exit standards combine their items with three-valued AND. */
function expectThreeValuedAnd(verdict: Verdict): void {
  const outcomes = verdict.items.map((item) => item.outcome);
  const expected = outcomes.includes('fail') ? 'fail' : outcomes.includes('unknown') ? 'unknown' : 'pass';
  expect(verdict.outcome).toBe(expected);
}

function expectFigure(value: number | null | undefined): void {
  expect(value === null || (typeof value === 'number' && Number.isFinite(value))).toBe(true);
}

// ---------------------------------------------------------------- properties

let ruleSets: Record<StandardId, RuleSet>;

beforeAll(async () => {
  ruleSets = await ruleSetsFor('2020-12-31');
});

describe.each(Object.values(EVALUATORS))('arbitrary records with the $name evaluator', (evaluator) => {
  const contexts = new Map<string, ScoringContext>();
  const contextFor = (quarter: string) => {
    let context = contexts.get(quarter);
    if (!context) contexts.set(quarter, (context = createScoringContext(ruleSets, quarter, evaluator)));
    return context;
  };
  const scoringQuarter = fc.constantFrom(...YEARS).chain(quarterOf);

  it('refuses a household record with issues, or judges it into well-formed verdicts of the standards its status calls for', async () => {
    await fc.assert(
      fc.asyncProperty(householdRaw, scoringQuarter, async (raw, quarter) => {
        const parsed = HouseholdSchema.safeParse(raw);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const context = contextFor(quarter);
        const household: Household = parsed.data;
        const judged = await judgeHousehold(context, household);
        const expectedStandards = (['household-exit', 'identification', 'return-risk'] as const).filter((id) => ruleSets[id].appliesTo?.statuses.includes(household.status));
        expect(judged.verdicts.map((v) => v.ruleSetId)).toEqual(expectedStandards);
        for (const verdict of judged.verdicts) {
          expect(verdict).toMatchObject({ subjectType: 'household', subjectId: household.householdId });
          expectWellFormed(verdict, ruleSets[verdict.ruleSetId as StandardId], context.year);
          if (verdict.ruleSetId === 'household-exit') expectThreeValuedAnd(verdict);
        }
        expect(judged.summary.exit?.outcome ?? null).toBe(judged.exit?.outcome ?? null);
      }),
      { numRuns: runsOf(evaluator, 300) },
    );
  });

  it('judges a village with arbitrary households into a well-formed verdict with consistent figures', async () => {
    await fc.assert(
      fc.asyncProperty(villageRaw, villageHouseholds, fc.constantFrom(...REGIONS, null), scoringQuarter, async (raw, households, region, quarter) => {
        const parsed = VillageSchema.safeParse(raw);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const context = contextFor(quarter);
        const score = await scoreVillage(context, parsed.data, region, households);
        const verdict = score.villageVerdict;
        expectWellFormed(verdict, ruleSets['village-exit'], context.year);
        expectThreeValuedAnd(verdict);
        expect(score.verdicts.at(-1)).toBe(verdict);
        expect(score.summaries).toHaveLength(households.length);

        const people = households.reduce((sum, h) => sum + (h.members?.length ?? 0), 0);
        const figures = verdict.figures!;
        for (const value of Object.values(figures)) expectFigure(value);
        expect(Number.isInteger(figures.remainingPoor)).toBe(true);
        expect(figures.remainingPoor).toBeGreaterThanOrEqual(0);
        expect(figures.remainingPoor).toBeLessThanOrEqual(people);
        expect(figures.remainingPoorWithUnknownVerdict).toBeLessThanOrEqual(figures.remainingPoor!);
        const population = parsed.data.ruralRegisteredPopulation;
        if (population === null || population === 0) {
          expect(figures.ratio).toBeNull();
          expect(verdict.items.find((item) => item.id === 'incidence')!.outcome).toBe('unknown');
        } else {
          expect(figures.ratio).toBeCloseTo(figures.remainingPoor! / population, 12);
        }
        expect(score.population.exitedPopulation).toBeLessThanOrEqual(score.population.registeredPopulation);
        expect(score.population.registeredPopulation).toBeLessThanOrEqual(people);
        expect(score.population.remainingPoor).toBe(figures.remainingPoor);
      }),
      { numRuns: runsOf(evaluator, 150) },
    );
  });

  it('judges a county with arbitrary records into a well-formed verdict with finite figures', async () => {
    const populationOf = fc.oneof(
      villageHouseholds.map((households) => ({ households })),
      fc.record({ remainingPoor: fc.nat(), exitedPopulation: fc.nat(), registeredPopulation: fc.nat() }).map((p) => ({ population: p })),
    );
    await fc.assert(
      fc.asyncProperty(countyRaw, fc.array(townshipRaw, { maxLength: 4 }), populationOf, scoringQuarter, async (raw, townshipRaws, source, quarter) => {
        const parsed = CountySchema.safeParse(raw);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const townships = townshipRaws.flatMap((t) => {
          const result = TownshipSchema.safeParse(t);
          return result.success ? [result.data] : [];
        });
        const context = contextFor(quarter);
        const population =
          'population' in source ? source.population : sumPopulations([(await scoreVillage(context, aVillage(), parsed.data.region, source.households)).population]);
        const verdict = await scoreCounty(context, parsed.data, townships, population);
        expectWellFormed(verdict, ruleSets['county-exit'], context.year);
        expectThreeValuedAnd(verdict);
        for (const value of Object.values(verdict.figures!)) expectFigure(value);
        if (townships.length === 0) {
          for (const id of ['central-schools', 'health-centres', 'service-centres']) expect(verdict.items.find((item) => item.id === id)!.outcome).toBe('unknown');
        }
      }),
      { numRuns: runsOf(evaluator, 150) },
    );
  });

  it('refuses a year outside the tables when the scoring context is created, so no verdict is ever given for it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(2013, 2021), fc.integer({ min: 1990, max: 2012 }), fc.integer({ min: 2022, max: 2099 })).chain(quarterOf), (quarter) => {
        expect(() => createScoringContext(ruleSets, quarter, evaluator)).toThrow(RuleSetYearMissingError);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a household with a very long member list', () => {
  it('is judged by every evaluator without trouble', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ memberId: `M-${i}`, age: i % 90, schooling: i % 90 < 16 ? 'enrolled' : 'not-applicable', medicalInsurance: true, criticalIllnessInsurance: true }));
    const household = HouseholdSchema.parse({ ...aHousehold(), members: many });
    for (const evaluator of Object.values(EVALUATORS)) {
      const judged = await judgeHousehold(createScoringContext(ruleSets, '2018Q4', evaluator), household);
      expect(judged.exit?.items.find((item) => item.id === 'education')?.outcome).toBe('pass');
    }
  });
});
