import { compileRuleSet } from './compile-rule-set.js';
import type { Facts } from './facts.js';
import type { ItemEvaluator } from './item-evaluator.js';
import type { ItemOutcome } from './outcome.js';
import type { PreparedRuleSet } from './prepare-rule-set.js';

/** An evaluator that never returns a promise, so `judge` stays synchronous on the hot path. */
export interface SynchronousItemEvaluator extends ItemEvaluator {
  evaluate(prepared: PreparedRuleSet, facts: Facts): ItemOutcome[];
}

/**
 * The nightly evaluator: the rule set compiled to plain functions (cached per prepared rule
 * set), with exactly the reference evaluator's outcomes, over a hundred times faster.
 */
export const compiledEvaluator: SynchronousItemEvaluator = {
  name: 'compiled',
  evaluate: (prepared, facts) => compileRuleSet(prepared)(facts),
};
