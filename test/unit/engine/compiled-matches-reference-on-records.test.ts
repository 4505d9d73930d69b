import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { lastDayOfQuarter } from '../../../src/kernel/quarter.js';
import type { RuleSet } from '../../../src/engine/rule-set-schema.js';
import type { StandardId } from '../../../src/standards/standard-ids.js';
import { judgeHousehold } from '../../../src/use-cases/scoring/judge-household.js';
import { scoreCounty } from '../../../src/use-cases/scoring/score-county.js';
import { scoreVillage } from '../../../src/use-cases/scoring/score-village.js';
import { createScoringContext, type ScoringContext } from '../../../src/use-cases/scoring-context.js';
import { aCounty, aHousehold, aMember, aTownship, aVillage } from '../../helpers/builders.js';
import { ruleSetsFor } from '../../helpers/repository-rule-sets.js';

// Whole records, through each standard's fact code, decided by both evaluators: the verdicts
// (outcomes, items, explanations, determination ids) must be the same, record by record.
const RECORDS_PER_STANDARD = 10_000;
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020];

const tri = fc.constantFrom(true, false, null);
const around = (...points: number[]) => fc.oneof(fc.constantFrom(...points, null), fc.double({ min: 0, max: 12_000, noNaN: true }));
const member = fc.record({
  age: fc.oneof(fc.constantFrom(5, 6, 15, 16, null), fc.integer({ min: 0, max: 90 })),
  schooling: fc.constantFrom('enrolled', 'dropped-out', 'exempt', 'not-applicable', null),
  medicalInsurance: tri,
  criticalIllnessInsurance: tri,
  fiscalPayroll: tri,
  villageCadre: tri,
  seriousIllness: tri,
});
const household = fc.record({
  status: fc.constantFrom('poor', 'exited', 'returned', 'applicant', 'non-poor'),
  registeredYear: fc.constantFrom(2014, 2016, 2018, 2019, null),
  returnedYear: fc.constantFrom(2017, 2018, 2020, null),
  plannedExitYear: fc.constantFrom(2018, 2019, null),
  incomePerCapita: around(2121, 2800, 3535, 3535.01, 3747, 4000, 5302.5),
  members: fc.array(member, { maxLength: 5 }),
  housing: fc.record({ hasHouse: tri, safetyGrade: fc.constantFrom('A', 'B', 'C', 'D', null), relocated: tri, movedIn: tri }),
  water: fc.record({ qualityOk: tri, litresPerPersonDay: around(39.9, 40), fetchMinutes: around(20, 21), reliabilityPct: fc.constantFrom(94.9, 95, 99, null) }),
  electricity: tri,
  radioTv: tri,
  assets: fc.record({ townProperty: tri, vehicleValue: around(29_999, 30_000), ownsBusiness: tri, hiresLabour: tri }),
  awayMonths: fc.constantFrom(0, 11, 12, null),
  splitHousehold: tri,
  spending: fc.record({ medicalSelfPaid: around(6000), education: around(0, 1000), disasterLoss: around(0) }),
});
const asHousehold = (h: Record<string, unknown>, index: number) =>
  aHousehold({ ...(h as object), householdId: `H${index}`, villageId: 'V1', members: (h.members as object[]).map((m, i) => aMember({ ...m, memberId: `m${i}` })) });

let ruleSets: Record<StandardId, RuleSet>;
const contexts = new Map<string, ScoringContext>();
function contextOf(evaluator: 'compiled' | 'reference', year: number): ScoringContext {
  const key = `${evaluator}:${year}`;
  if (!contexts.has(key)) contexts.set(key, createScoringContext(ruleSets, `${year}Q4`, EVALUATORS[evaluator]));
  return contexts.get(key)!;
}

beforeAll(async () => {
  ruleSets = await ruleSetsFor(lastDayOfQuarter('2020Q4'));
});

describe('the compiled path and json-rules-engine on generated records', () => {
  it(`give the same household verdicts for ${RECORDS_PER_STANDARD} households`, async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(household, { minLength: 25, maxLength: 25 }), fc.constantFrom(...YEARS), async (batch, year) => {
        for (const raw of batch) {
          const record = asHousehold(raw, (index += 1));
          const [compiled, reference] = await Promise.all([judgeHousehold(contextOf('compiled', year), record), judgeHousehold(contextOf('reference', year), record)]);
          expect(compiled.verdicts).toEqual(reference.verdicts);
        }
      }),
      { numRuns: RECORDS_PER_STANDARD / 25 },
    );
  }, 120_000);

  it('give the same village and county verdicts for generated villages and counties', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(household, { maxLength: 8 }),
        fc.record({ ruralRegisteredPopulation: fc.constantFrom(0, 20, 100, 1000, null), collectiveIncome: around(0, 1), hasHardenedRoad: tri, hasNetwork: tri }),
        fc.constantFrom('west', 'central', 'east', null),
        fc.record({ wronglyExited: fc.constantFrom(0, 20, 21, null), exitedSampled: fc.constantFrom(0, 1000), householdsApproving: fc.constantFrom(449, 450, null) }),
        fc.array(fc.record({ hasServiceCentre: tri, hasStandardCentralSchool: tri }), { maxLength: 3 }),
        fc.constantFrom(...YEARS),
        async (raws, villageFields, region, survey, townshipFields, year) => {
          const households = raws.map(asHousehold);
          const village = aVillage({ ...villageFields, villageId: 'V1' });
          const [compiled, reference] = await Promise.all(
            (['compiled', 'reference'] as const).map((name) => scoreVillage(contextOf(name, year), village, region, households)),
          );
          expect(compiled!.verdicts).toEqual(reference!.verdicts);
          const county = aCounty({ region, survey: { ...survey, unregisteredSampled: 2000, omitted: 10, householdsSurveyed: 500 } });
          const townships = townshipFields.map((t, i) => aTownship({ ...t, townshipId: `T${i}` }));
          const counties = await Promise.all((['compiled', 'reference'] as const).map((name) => scoreCounty(contextOf(name, year), county, townships, compiled!.population)));
          expect(counties[0]).toEqual(counties[1]);
        },
      ),
      { numRuns: 1_000 },
    );
  }, 120_000);
});
