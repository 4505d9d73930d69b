import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryVerdictStore } from '../../../../src/adapters/memory/memory-verdict-store.js';
import { EVALUATORS } from '../../../../src/engine/evaluators.js';
import type { RuleSet } from '../../../../src/engine/rule-set-schema.js';
import { judgeHousehold } from '../../../../src/use-cases/scoring/judge-household.js';
import { createScoringContext, type ScoringContext } from '../../../../src/use-cases/scoring-context.js';
import { aHousehold } from '../../../helpers/builders.js';
import { ruleSetsFor } from '../../../helpers/repository-rule-sets.js';

const evaluator = Object.values(EVALUATORS)[0]!;
let context: ScoringContext;

beforeAll(async () => {
  context = createScoringContext(await ruleSetsFor('2018-12-31'), '2018Q4', evaluator);
});

describe('judgeHousehold', () => {
  it.each([
    ['poor', ['household-exit', 'identification']],
    ['returned', ['household-exit', 'identification']],
    ['exited', ['household-exit', 'return-risk']],
    ['applicant', ['identification']],
    ['non-poor', ['return-risk']],
  ] as const)('judges a household of status %s by exactly %j', async (status, standards) => {
    const judged = await judgeHousehold(context, aHousehold({ status }));
    expect(judged.verdicts.map((v) => v.ruleSetId)).toEqual(standards);
    expect(judged.exit === null).toBe(!standards.includes('household-exit' as never));
  });

  it('summarises the household-exit verdict for accountability', async () => {
    const judged = await judgeHousehold(context, aHousehold({ water: { fetchMinutes: 45 } }));
    expect(judged.summary).toEqual({
      householdId: 'H-0001',
      villageId: 'V-001',
      status: 'poor',
      plannedExitYear: 2018,
      exit: {
        outcome: 'fail',
        items: {
          income: 'pass',
          education: 'pass',
          medical: 'pass',
          housing: 'pass',
          water: 'fail',
          electricity: 'pass',
          'radio-tv': 'pass',
          'not-new-this-year': 'pass',
        },
      },
    });
  });

  it('summarises a household household exit does not judge without an exit verdict', async () => {
    expect((await judgeHousehold(context, aHousehold({ status: 'applicant' }))).summary.exit).toBeNull();
  });

  it('watches an exited household that fails household exit today', async () => {
    const judged = await judgeHousehold(context, aHousehold({ status: 'exited', incomePerCapita: 6000, electricity: false }));
    const watch = judged.verdicts.find((v) => v.ruleSetId === 'return-risk')!;
    expect(watch.outcome).toBe('monitor');
    expect(watch.reasons).toEqual(['fails-exit-standard']);
  });

  describe('when the household-exit verdict a return-risk verdict reads changes', () => {
    // An exited household with income 6000 in 2018: above 1.5 × 3535, so only its exit verdict
    // decides the watch. A household-exit version with a higher line makes it fail today.
    const household = aHousehold({ status: 'exited', incomePerCapita: 6000 });
    let before: ScoringContext;
    let after: ScoringContext;

    beforeAll(async () => {
      const inForce = await ruleSetsFor('2018-12-31');
      const exit = inForce['household-exit'];
      const stricter: RuleSet = { ...exit, version: exit.version + 1, parameters: { ...exit.parameters, exitLine: { byYear: { '2018': 7000 } } } };
      before = createScoringContext(inForce, '2018Q4', evaluator);
      after = createScoringContext({ ...inForce, 'household-exit': stricter }, '2018Q4', evaluator);
    });

    const watchOf = async (scoring: ScoringContext) => (await judgeHousehold(scoring, household)).verdicts.find((v) => v.ruleSetId === 'return-risk')!;

    it('gives a different return-risk outcome', async () => {
      expect([(await watchOf(before)).outcome, (await watchOf(after)).outcome]).toEqual(['stable', 'monitor']);
    });

    it('gives the return-risk verdict a different determination id, since it was reached from different inputs', async () => {
      expect((await watchOf(after)).determinationId).not.toBe((await watchOf(before)).determinationId);
    });

    it('lets the verdict store replace the stale return-risk verdict', async () => {
      const store = new MemoryVerdictStore();
      await store.putChangedVerdicts('V-001', [await watchOf(before)]);
      await store.putChangedVerdicts('V-001', [await watchOf(after)]);
      const stored = (await store.getSubjectVerdicts('household', 'H-0001')).find((v) => v.ruleSetId === 'return-risk')!;
      expect(stored.outcome).toBe('monitor');
    });
  });
});
