import type { Facts } from './facts.js';
import type { ItemOutcome } from './outcome.js';
import type { PreparedRuleSet } from './prepare-rule-set.js';
import { evaluateWithReference } from './reference-evaluator.js';

/** Decides every item and then every warning of a prepared rule set, in document order. */
export interface ItemEvaluator {
  readonly name: string;
  evaluate(prepared: PreparedRuleSet, facts: Facts): ItemOutcome[] | Promise<ItemOutcome[]>;
}

export const referenceEvaluator: ItemEvaluator = { name: 'reference', evaluate: evaluateWithReference };
