import { beforeAll, describe, expect, it } from 'vitest';
import { handwrittenHouseholdExit } from '../../../bench/handwritten-household-exit.js';
import { disagreements } from '../../../bench/measure-verdicts.js';
import { readDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { Household } from '../../../src/records/records.js';
import { createScoringContext, type ScoringContext } from '../../../src/use-cases/scoring-context.js';
import { aHousehold } from '../../helpers/builders.js';
import { ruleSetsFor } from '../../helpers/repository-rule-sets.js';

let context: ScoringContext;
let households: Household[];
beforeAll(async () => {
  context = createScoringContext(await ruleSetsFor('2018-12-31'), '2018Q4', EVALUATORS.compiled);
  households = (await readDatasetFolder('data/sample-county')).households.filter((h) => context.householdExit.statuses.has(h.status));
});

describe('the hand-written household-exit judge of the bench', () => {
  it('gives the compiled path’s verdict JSON and determination id on every household of the sample county', async () => {
    expect(households.length).toBeGreaterThan(1000);
    const judge = handwrittenHouseholdExit(context.householdExit.prepared, context.householdExit.context);
    expect(await disagreements(context, EVALUATORS.compiled, judge, households)).toEqual([]);
  });

  it('agrees on households with missing members, housing, water and income, and with a relocation', async () => {
    const judge = handwrittenHouseholdExit(context.householdExit.prepared, context.householdExit.context);
    const odd = [
      aHousehold({ householdId: 'a', members: null, housing: null, water: null, incomePerCapita: null, electricity: null }),
      aHousehold({ householdId: 'b', housing: { relocated: true, movedIn: null, safetyGrade: null }, water: { fetchMinutes: null } }),
      aHousehold({ householdId: 'c', housing: { relocated: null, hasHouse: false } }),
    ];
    expect(await disagreements(context, EVALUATORS.compiled, judge, odd)).toEqual([]);
  });

  it('is caught when it judges differently', async () => {
    const judge = handwrittenHouseholdExit(context.householdExit.prepared, context.householdExit.context);
    const wrong = (household: Household) => ({ ...judge(household), outcome: 'pass' });
    expect((await disagreements(context, EVALUATORS.compiled, wrong, households)).length).toBeGreaterThan(0);
  });
});
