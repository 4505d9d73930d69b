import type { ItemOutcome } from './outcome.js';
import type { PreparedItem } from './prepare-rule-set.js';
import type { Decision } from './rule-set-schema.js';

type DecisionTest = Decision['rules'][number]['when'];

function itemsOfTest(test: DecisionTest, items: readonly PreparedItem[]): number[] {
  const indexes: number[] = [];
  items.forEach((item, index) => {
    if (test.group !== undefined && item.group !== test.group) return;
    if (test.items !== undefined && !test.items.includes(item.id)) return;
    indexes.push(index);
  });
  return indexes;
}

export interface Decided {
  readonly outcome: string;
  /** Ids of the items that made a decision rule hold (a failed prohibition, a priority that applies…). */
  readonly reasons: string[];
}

/**
 * Applies the rule set's decision: the first rule whose test holds gives the outcome. Reasons
 * list every item that satisfies a definite (pass/fail) test of any rule, so a verdict names
 * every prohibition and priority that fired, not only the winning one.
 */
export function decideOutcome(decision: Decision, items: readonly PreparedItem[], outcomes: readonly ItemOutcome[]): Decided {
  let outcome: string | undefined;
  const reasons = new Set<string>();
  for (const rule of decision.rules) {
    const matching = itemsOfTest(rule.when, items).filter((index) => outcomes[index] === rule.when.some);
    if (matching.length > 0 && outcome === undefined) outcome = rule.outcome;
    if (rule.when.some !== 'unknown') matching.forEach((index) => reasons.add(items[index]!.id));
  }
  const order = new Map(items.map((item, index) => [item.id, index]));
  return {
    outcome: outcome ?? decision.otherwise,
    reasons: [...reasons].sort((a, b) => order.get(a)! - order.get(b)!),
  };
}
