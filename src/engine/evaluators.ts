import { compileRuleSet } from './compile-rule-set.js';
import type { Facts } from './facts.js';
import type { PreparedRuleSet } from './prepare-rule-set.js';
import { evaluateWithReference } from './reference-evaluator.js';
import type { ItemOutcome } from './verdict.js';

/** Decides every item and then every warning of a prepared rule set, in document order. */
export interface ItemEvaluator {
  readonly name: string;
  evaluate(prepared: PreparedRuleSet, facts: Facts): ItemOutcome[] | Promise<ItemOutcome[]>;
}

export const referenceEvaluator: ItemEvaluator = { name: 'reference', evaluate: evaluateWithReference };

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

/** The evaluators a run may choose, by name: compiled for batches, json-rules-engine as the reference. */
export const EVALUATORS: Readonly<Record<'compiled' | 'reference', ItemEvaluator>> = {
  compiled: compiledEvaluator,
  reference: referenceEvaluator,
};
