import { compiledEvaluator, referenceEvaluator } from '../../../src/engine/evaluators.js';
import type { Facts } from '../../../src/engine/facts.js';
import type { ItemOutcome } from '../../../src/engine/verdict.js';
import type { PreparedRuleSet } from '../../../src/engine/prepare-rule-set.js';

/** What an evaluator did with one fact map: its outcomes, or the kind of error it threw. */
export type Run = { readonly outcomes: ItemOutcome[] } | { readonly threw: string };

function errorKind(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}

/** The compiled evaluator's run; it must answer synchronously. */
export function runCompiled(prepared: PreparedRuleSet, facts: Facts): Run {
  try {
    const outcomes = compiledEvaluator.evaluate(prepared, facts);
    if (!Array.isArray(outcomes)) throw new Error('the compiled evaluator did not answer synchronously');
    return { outcomes };
  } catch (error) {
    return { threw: errorKind(error) };
  }
}

/** The reference evaluator's run (json-rules-engine, upper and lower engines). */
export async function runReference(prepared: PreparedRuleSet, facts: Facts): Promise<Run> {
  try {
    return { outcomes: await referenceEvaluator.evaluate(prepared, facts) };
  } catch (error) {
    return { threw: errorKind(error) };
  }
}
