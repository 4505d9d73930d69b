import { performance } from 'node:perf_hooks';
import type { ItemEvaluator } from '../src/engine/item-evaluator.js';
import { judge } from '../src/engine/judge.js';
import type { Household } from '../src/records/records.js';
import { householdExitFacts } from '../src/standards/household-exit-facts.js';
import type { ScoringContext } from '../src/use-cases/scoring-context.js';

export interface VerdictRate {
  readonly evaluator: string;
  readonly verdicts: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Household-exit verdicts per second with full explanations (facts, items, actual/expected,
 * determination id): the work of one household in the nightly run. Repeats the households
 * until at least `minSeconds` have passed, so fast paths are not timed on a few milliseconds.
 */
export async function measureVerdicts(context: ScoringContext, evaluator: ItemEvaluator, households: readonly Household[], minSeconds: number): Promise<VerdictRate> {
  const { prepared, context: parameters } = context.householdExit;
  let verdicts = 0;
  let checksum = 0;
  const start = performance.now();
  do {
    for (const household of households) {
      const verdict = await judge(evaluator, prepared, { type: 'household', id: household.householdId }, householdExitFacts(household, parameters));
      checksum += verdict.items.length;
      verdicts += 1;
    }
  } while ((performance.now() - start) / 1000 < minSeconds);
  const seconds = (performance.now() - start) / 1000;
  if (checksum === 0) throw new Error('no verdicts were produced');
  return { evaluator: evaluator.name, verdicts, seconds, perSecond: verdicts / seconds };
}

/**
 * Items decided per second, without facts or explanations: the evaluator alone, on facts
 * computed beforehand. Shows how much of a verdict's cost the evaluation itself is.
 */
export async function measureItemDecisions(context: ScoringContext, evaluator: ItemEvaluator, households: readonly Household[], minSeconds: number): Promise<VerdictRate> {
  const { prepared, context: parameters } = context.householdExit;
  const facts = households.map((household) => householdExitFacts(household, parameters));
  let evaluations = 0;
  const start = performance.now();
  do {
    for (const one of facts) {
      await evaluator.evaluate(prepared, one);
      evaluations += 1;
    }
  } while ((performance.now() - start) / 1000 < minSeconds);
  const seconds = (performance.now() - start) / 1000;
  return { evaluator: evaluator.name, verdicts: evaluations, seconds, perSecond: evaluations / seconds };
}
