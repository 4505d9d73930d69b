import { compileLeaf, FAIL, PASS, type CompiledCondition, type Truth } from './compile-leaf.js';
import { FactSlots } from './fact-slots.js';
import type { Facts } from './facts.js';
import type { ItemOutcome } from './verdict.js';
import { isResolvedLeaf, type PreparedRuleSet, type ResolvedCondition } from './prepare-rule-set.js';

/*
 * Why Kleene's strong logic equals the reference's upper/lower pair of engines.
 *
 * The reference runs each item twice. A leaf whose fact or compared value is missing is forced,
 * in the upper engine, to true at even `not`-depth and false at odd depth; in the lower engine
 * the other way round. Every other leaf has its two-valued result b in both engines. Let K(n)
 * be a node's Kleene value. By induction on the tree, for a node at even depth
 *     upper(n) = (K(n) ≠ fail)   and   lower(n) = (K(n) = pass),
 * and at odd depth the two are exchanged: upper(n) = (K(n) = pass), lower(n) = (K(n) ≠ fail).
 * - A leaf with a result b: K = b, and every claim reduces to b.
 * - A missing leaf: K = unknown, so (K ≠ fail) is true and (K = pass) false, which is exactly
 *   how each engine forces it at each depth.
 * - `all` keeps the depth: the AND of (K(c) ≠ fail) says no child fails, i.e. K(all) ≠ fail;
 *   the AND of (K(c) = pass) says every child passes, i.e. K(all) = pass. `any` likewise, with
 *   "some child passes" / "some child does not fail".
 * - `not` flips the depth and the boolean: at even depth upper(not c) = ¬upper(c) with c odd,
 *   = ¬(K(c) = pass) = (K(not c) ≠ fail), since `not` swaps pass and fail; the other three
 *   cases are the same computation.
 * The item is at depth 0, so lower holds ⇔ K = pass, and upper holds ⇔ K ≠ fail: the
 * reference's "pass if lower, unknown if only upper, else fail" is K. The induction needs each
 * leaf occurrence to be forced on its own, which the reference does (it forces per call, not
 * per fact), so `x > 3 or not (x > 3)` with x missing is `unknown` on both paths.
 *
 * Exceptions: json-rules-engine evaluates every leaf of every rule (all conditions share one
 * priority, so nothing short-circuits), and an operator that throws (`in` against a number)
 * rejects the whole run. The compiled path therefore evaluates every leaf too, with no
 * short-circuit, so it throws for exactly the fact maps on which the reference rejects.
 *
 * Speed: every fact (and fact path) the rule set reads is read once per call into a reused
 * slot array (see FactSlots); leaves are closures over their slot index and their constant,
 * with the common comparisons inlined; nothing is allocated but the outcome list.
 */

const OUTCOMES: readonly ItemOutcome[] = ['fail', 'unknown', 'pass'];

/** A rule set's items then warnings, decided synchronously. */
export type CompiledRuleSet = (facts: Facts) => ItemOutcome[];

function allOf(children: readonly CompiledCondition[]): CompiledCondition {
  if (children.length === 1) return children[0]!;
  return (slots) => {
    let result: Truth = PASS;
    for (let index = 0; index < children.length; index += 1) {
      const truth = children[index]!(slots);
      if (truth < result) result = truth;
    }
    return result;
  };
}

function anyOf(children: readonly CompiledCondition[]): CompiledCondition {
  if (children.length === 1) return children[0]!;
  return (slots) => {
    let result: Truth = FAIL;
    for (let index = 0; index < children.length; index += 1) {
      const truth = children[index]!(slots);
      if (truth > result) result = truth;
    }
    return result;
  };
}

function notOf(child: CompiledCondition): CompiledCondition {
  return (slots) => (PASS - child(slots)) as Truth;
}

interface Compiling {
  readonly slots: FactSlots;
  readonly ruleSetId: string;
}

function compileCondition(condition: ResolvedCondition, context: Compiling, where: string): CompiledCondition {
  if (isResolvedLeaf(condition)) return compileLeaf(condition, context.slots, context.ruleSetId, where);
  if ('all' in condition) return allOf(condition.all.map((c, i) => compileCondition(c, context, `${where}.all.${i}`)));
  if ('any' in condition) return anyOf(condition.any.map((c, i) => compileCondition(c, context, `${where}.any.${i}`)));
  return notOf(compileCondition(condition.not, context, `${where}.not`));
}

function compile(prepared: PreparedRuleSet): CompiledRuleSet {
  const context: Compiling = { slots: new FactSlots(), ruleSetId: prepared.ruleSet.id };
  const conditions = [
    ...prepared.items.map((item, i) => compileCondition(item.conditions, context, `items.${i}.conditions`)),
    ...prepared.warnings.map((item, i) => compileCondition(item.conditions, context, `warnings.${i}.conditions`)),
  ];
  const { slots: factSlots } = context;
  const count = conditions.length;
  const newSlots = (): unknown[] => Array.from({ length: factSlots.size });
  // One slot array is reused across calls; a call made while another is running (a getter on
  // a fact that evaluates again) gets its own, so the two never share slots.
  let spare: unknown[] | undefined = newSlots();
  return (facts) => {
    const slots = spare ?? newSlots();
    spare = undefined;
    try {
      factSlots.fill(facts.values, slots);
      const outcomes: ItemOutcome[] = [];
      for (let index = 0; index < count; index += 1) outcomes.push(OUTCOMES[conditions[index]!(slots)]!);
      return outcomes;
    } finally {
      spare = slots;
    }
  };
}

const compiledByRuleSet = new WeakMap<PreparedRuleSet, CompiledRuleSet>();

/**
 * Compiles a prepared rule set into one synchronous function giving the outcome of every item
 * then every warning, in document order: the same list, with the same semantics, as
 * `evaluateWithReference` (see the proof above). Compiled once per prepared rule set.
 * Throws `RuleSetInvalidError` for a path or fact reference that only a malformed parameter
 * value can produce; the returned function throws a `TypeError` where json-rules-engine's
 * operators throw (see `checkConditionTypes`, which refuses such rule sets at load time).
 */
export function compileRuleSet(prepared: PreparedRuleSet): CompiledRuleSet {
  let compiled = compiledByRuleSet.get(prepared);
  if (!compiled) {
    compiled = compile(prepared);
    compiledByRuleSet.set(prepared, compiled);
  }
  return compiled;
}
