import { Engine, Operator, type TopLevelCondition } from 'json-rules-engine';
import defaultOperators from 'json-rules-engine/dist/engine-default-operators.js';
import { OPERATORS } from './condition-schema.js';
import { isMissing, type Facts } from './facts.js';
import type { ItemOutcome } from './verdict.js';
import { isResolvedLeaf, type PreparedItem, type PreparedRuleSet, type ResolvedCondition } from './prepare-rule-set.js';

/**
 * The reference evaluator: json-rules-engine itself decides every item, three-valued.
 *
 * json-rules-engine is two-valued, so each item runs under two engines. A condition whose fact
 * (or compared fact) is missing is forced, in the "upper" engine, to whatever makes the item
 * most likely to hold, and in the "lower" engine to the opposite (a leaf under an odd number
 * of `not`s is forced the other way). Every leaf is read once, so this is exactly Kleene's
 * strong three-valued logic: the item passes when even the lower run holds, fails when even
 * the upper run fails, and is `unknown` otherwise. Everything else (operators, paths, fact
 * references, all/any/not) is json-rules-engine's own.
 */

type Bound = 'upper' | 'lower';

// The CommonJS module arrives as `{ default: [...] }` under some loaders and as the array under others.
const defaultList = (defaultOperators as unknown as { default?: typeof defaultOperators }).default ?? defaultOperators;
const baseOperators = new Map(defaultList.map((op) => [op.name, op]));

function operatorName(base: string, negated: boolean): string {
  return `${negated ? 'neg' : 'pos'}:${base}`;
}

function createEngine(bound: Bound): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, allowUndefinedConditions: false });
  for (const base of OPERATORS) {
    const operator = baseOperators.get(base);
    if (!operator) throw new Error(`json-rules-engine has no operator ${base}`);
    for (const negated of [false, true]) {
      // Upper bound: a missing leaf is true where true helps the item (even depth), false under a `not`.
      const forced = bound === 'upper' ? !negated : negated;
      engine.addOperator(
        new Operator(operatorName(base, negated), (factValue: unknown, compareTo: unknown) =>
          isMissing(factValue) || isMissing(compareTo) ? forced : operator.evaluate(factValue, compareTo),
        ),
      );
    }
  }
  return engine;
}

function withPolarity(condition: ResolvedCondition, negated: boolean): Record<string, unknown> {
  if (isResolvedLeaf(condition)) {
    const leaf: Record<string, unknown> = { fact: condition.fact, operator: operatorName(condition.operator, negated), value: condition.value };
    if (condition.path !== undefined) leaf.path = condition.path;
    return leaf;
  }
  if ('all' in condition) return { all: condition.all.map((c) => withPolarity(c, negated)) };
  if ('any' in condition) return { any: condition.any.map((c) => withPolarity(c, negated)) };
  return { not: withPolarity(condition.not, !negated) };
}

function topLevel(condition: ResolvedCondition): TopLevelCondition {
  // json-rules-engine wants all/any/not at the top; a single leaf is wrapped in `all`.
  const converted = withPolarity(condition, false);
  return ('fact' in converted ? { all: [converted] } : converted) as unknown as TopLevelCondition;
}

interface EnginePair {
  upper: Engine;
  lower: Engine;
}

const enginesByRuleSet = new WeakMap<PreparedRuleSet, EnginePair>();

function enginesFor(prepared: PreparedRuleSet): EnginePair {
  let pair = enginesByRuleSet.get(prepared);
  if (!pair) {
    pair = { upper: createEngine('upper'), lower: createEngine('lower') };
    const all: PreparedItem[] = [...prepared.items, ...prepared.warnings];
    all.forEach((item, index) => {
      for (const engine of [pair!.upper, pair!.lower]) {
        engine.addRule({ name: String(index), conditions: topLevel(item.conditions), event: { type: String(index) } });
      }
    });
    enginesByRuleSet.set(prepared, pair);
  }
  return pair;
}

async function holdingRules(engine: Engine, facts: Facts): Promise<Set<string>> {
  const runtime: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(facts.values)) runtime[name] = value ?? null;
  const { results } = await engine.run(runtime);
  return new Set(results.map((r) => String(r.name)));
}

/** Outcomes of every item then every warning of the prepared rule set, in document order. */
export async function evaluateWithReference(prepared: PreparedRuleSet, facts: Facts): Promise<ItemOutcome[]> {
  const { upper, lower } = enginesFor(prepared);
  const [upperHolds, lowerHolds] = await Promise.all([holdingRules(upper, facts), holdingRules(lower, facts)]);
  const count = prepared.items.length + prepared.warnings.length;
  const outcomes: ItemOutcome[] = [];
  for (let index = 0; index < count; index += 1) {
    const key = String(index);
    outcomes.push(lowerHolds.has(key) ? 'pass' : upperHolds.has(key) ? 'unknown' : 'fail');
  }
  return outcomes;
}
