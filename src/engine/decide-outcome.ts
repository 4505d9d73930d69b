import type { ItemOutcome } from './verdict.js';
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
  const tests = testsOf(decision, items);
  let outcome: string | undefined;
  // Reasons by item index, so they come out in document order without a sort.
  let reasonAt: boolean[] | null = null;
  for (const { rule, indexes } of tests) {
    let matched = false;
    for (const index of indexes) {
      if (outcomes[index] !== rule.when.some) continue;
      matched = true;
      if (rule.when.some === 'unknown') break;
      (reasonAt ??= [])[index] = true;
    }
    if (matched && outcome === undefined) outcome = rule.outcome;
  }
  const reasons: string[] = [];
  if (reasonAt) reasonAt.forEach((reason, index) => reason && reasons.push(items[index]!.id));
  return { outcome: outcome ?? decision.otherwise, reasons };
}

type DecisionTests = readonly { readonly rule: Decision['rules'][number]; readonly indexes: readonly number[] }[];
const testsByItems = new WeakMap<readonly PreparedItem[], WeakMap<Decision, DecisionTests>>();

/** The items each rule of the decision tests, worked out once per rule set (every verdict decides). */
function testsOf(decision: Decision, items: readonly PreparedItem[]): DecisionTests {
  let byDecision = testsByItems.get(items);
  if (!byDecision) testsByItems.set(items, (byDecision = new WeakMap()));
  let tests = byDecision.get(decision);
  if (!tests) {
    tests = decision.rules.map((rule) => ({ rule, indexes: itemsOfTest(rule.when, items) }));
    byDecision.set(decision, tests);
  }
  return tests;
}
