/**
 * Seconds of CPU this process has used: rates are per CPU-second, not per wall-second, so other
 * work on a shared machine changes them far less (GC threads count, which is fair: they work
 * for the path being timed).
 */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
import type { ItemEvaluator } from '../src/engine/evaluators.js';
import { judge } from '../src/engine/judge.js';
import type { Household } from '../src/records/records.js';
import type { Verdict } from '../src/engine/verdict.js';
import { householdExitFacts } from '../src/standards/household-exit-facts.js';
import type { ScoringContext } from '../src/use-cases/scoring-context.js';

export interface VerdictRate {
  readonly evaluator: string;
  readonly verdicts: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Household-exit verdicts per CPU-second with full explanations (facts, items, actual/expected,
 * determination id): the work of one household in the nightly run. Repeats the households
 * until at least `minSeconds` have passed, so fast paths are not timed on a few milliseconds.
 */
export async function measureVerdicts(context: ScoringContext, evaluator: ItemEvaluator, households: readonly Household[], minSeconds: number): Promise<VerdictRate> {
  const { prepared, context: parameters } = context.householdExit;
  let verdicts = 0;
  let checksum = 0;
  const start = cpuSeconds();
  do {
    for (const household of households) {
      const judged = judge(evaluator, prepared, { type: 'household', id: household.householdId }, householdExitFacts(household, parameters));
      // A synchronous verdict is not awaited: that would time a microtask per verdict too.
      const verdict = judged instanceof Promise ? await judged : judged;
      checksum += verdict.items.length;
      verdicts += 1;
    }
  } while (cpuSeconds() - start < minSeconds);
  const seconds = cpuSeconds() - start;
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
  const start = cpuSeconds();
  do {
    for (const one of facts) {
      await evaluator.evaluate(prepared, one);
      evaluations += 1;
    }
  } while (cpuSeconds() - start < minSeconds);
  const seconds = cpuSeconds() - start;
  return { evaluator: evaluator.name, verdicts: evaluations, seconds, perSecond: evaluations / seconds };
}

/** Verdicts per second of a judge of one household (the hand-written limit), as `measureVerdicts` times them. */
export function measureJudge(name: string, judgeOne: (household: Household) => Verdict, households: readonly Household[], minSeconds: number): VerdictRate {
  let verdicts = 0;
  let checksum = 0;
  const start = cpuSeconds();
  do {
    for (const household of households) {
      checksum += judgeOne(household).items.length;
      verdicts += 1;
    }
  } while (cpuSeconds() - start < minSeconds);
  const seconds = cpuSeconds() - start;
  if (checksum === 0) throw new Error('no verdicts were produced');
  return { evaluator: name, verdicts, seconds, perSecond: verdicts / seconds };
}

/**
 * The households on which the judge's verdict JSON (determination id included) differs from
 * the engine's with `evaluator`: a limit that judges differently measures nothing.
 */
export async function disagreements(context: ScoringContext, evaluator: ItemEvaluator, judgeOne: (household: Household) => Verdict, households: readonly Household[]): Promise<string[]> {
  const { prepared, context: parameters } = context.householdExit;
  const differing: string[] = [];
  for (const household of households) {
    const engine = await judge(evaluator, prepared, { type: 'household', id: household.householdId }, householdExitFacts(household, parameters));
    if (JSON.stringify(engine) !== JSON.stringify(judgeOne(household))) differing.push(household.householdId);
  }
  return differing;
}
