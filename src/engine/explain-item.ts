import type { OperatorName } from './condition-schema.js';
import { isMissing, type Facts } from './facts.js';
import { isResolvedLeaf, type PreparedItem, type ResolvedCondition, type ResolvedValue } from './prepare-rule-set.js';

const OPERATOR_SYMBOLS: Record<OperatorName, string> = {
  equal: '=',
  notEqual: '≠',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  doesNotContain: 'does not contain',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};

/** A fact read through an optional path, with the name it is shown under (`water.qualityOk`). */
interface Reader {
  readonly name: string;
  readonly fact: string;
  /** Property steps of the path, split once; null without a path. */
  readonly steps: readonly string[] | null;
}

/** Everything about an item's explanation that does not depend on the record, worked out once. */
interface ItemExplainer {
  /** The item's single condition, when it has one: its value is shown bare. */
  readonly single: Reader | null;
  readonly leaves: readonly Reader[];
  /** The compared-with facts of the leaves (`{fact}` values), for missing fields. */
  readonly comparedFacts: readonly Reader[];
  /** The requirement text when no leaf compares with another fact (then it never varies). */
  readonly fixedRequirement: string | null;
}

function readerOf(fact: string, path: string | undefined): Reader {
  return { name: path ? `${fact}${path.slice(1)}` : fact, fact, steps: path ? path.slice(2).split('.') : null };
}

/** json-rules-engine's path reading: only on object-like values, only through own, truthy steps. */
function read(facts: Facts, reader: Reader): unknown {
  const value = facts.values[reader.fact];
  if (!reader.steps || typeof value !== 'object' || value === null) return value;
  let current: unknown = value;
  for (const step of reader.steps) {
    if (!current || !Object.hasOwn(current as object, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

function isFactReference(value: ResolvedValue): value is { fact: string; path?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describe(condition: ResolvedCondition, facts: Facts | null, withName: boolean): string {
  if (isResolvedLeaf(condition)) {
    const target = isFactReference(condition.value) ? (facts ? read(facts, readerOf(condition.value.fact, condition.value.path)) : null) : condition.value;
    const requirement = `${OPERATOR_SYMBOLS[condition.operator]} ${formatValue(target ?? null)}`;
    return withName ? `${readerOf(condition.fact, condition.path).name} ${requirement}` : requirement;
  }
  if ('all' in condition) return condition.all.map((c) => wrap(c, facts)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => wrap(c, facts)).join(' or ');
  return `not (${describe(condition.not, facts, true)})`;
}

function wrap(condition: ResolvedCondition, facts: Facts | null): string {
  const text = describe(condition, facts, true);
  return isResolvedLeaf(condition) || 'not' in condition ? text : `(${text})`;
}

const explainers = new WeakMap<PreparedItem, ItemExplainer>();

function explainerOf(item: PreparedItem): ItemExplainer {
  let explainer = explainers.get(item);
  if (!explainer) {
    const leaves = item.leaves.map((leaf) => readerOf(leaf.fact, leaf.path));
    const compared = item.leaves.flatMap((leaf) => (isFactReference(leaf.value) ? [readerOf(leaf.value.fact, leaf.value.path)] : []));
    explainer = {
      single: item.leaves.length === 1 && isResolvedLeaf(item.conditions) ? leaves[0]! : null,
      leaves,
      comparedFacts: compared,
      fixedRequirement: compared.length === 0 ? describe(item.conditions, null, !(item.leaves.length === 1 && isResolvedLeaf(item.conditions))) : null,
    };
    explainers.set(item, explainer);
  }
  return explainer;
}

/** "What was required", in words a clerk can check: `> 3535`, or `water.qualityOk = true and …`. */
export function describeRequirement(item: PreparedItem, facts: Facts): string {
  const explainer = explainerOf(item);
  return explainer.fixedRequirement ?? describe(item.conditions, facts, explainer.single === null);
}

/** "The value found": the fact itself for a one-condition item, else each fact by name. */
export function actualValue(item: PreparedItem, facts: Facts): unknown {
  const explainer = explainerOf(item);
  if (explainer.single) return read(facts, explainer.single) ?? null;
  const found: Record<string, unknown> = {};
  for (const reader of explainer.leaves) found[reader.name] = read(facts, reader) ?? null;
  return found;
}

function missingOf(reader: Reader, facts: Facts, into: Set<string>): void {
  if (isMissing(facts.values[reader.fact])) (facts.missing[reader.fact] ?? [reader.fact]).forEach((f) => into.add(f));
  else if (isMissing(read(facts, reader))) into.add(reader.name);
}

/** The record fields whose absence left some condition of the item undecided, sorted. */
export function missingFields(item: PreparedItem, facts: Facts): string[] {
  const explainer = explainerOf(item);
  const fields = new Set<string>();
  for (const reader of explainer.leaves) missingOf(reader, facts, fields);
  for (const reader of explainer.comparedFacts) missingOf(reader, facts, fields);
  return [...fields].sort();
}

/**
 * The requirement text of an item when it does not depend on the record (no leaf compares with
 * another fact), else null: what a stored verdict can leave out and restore from its version.
 */
export function fixedRequirementOf(item: PreparedItem): string | null {
  return explainerOf(item).fixedRequirement;
}

/**
 * The names `actualValue` shows a multi-condition item's facts under, in its order (a name read
 * twice once), or null for a one-condition item, whose value is shown bare.
 */
export function actualNamesOf(item: PreparedItem): readonly string[] | null {
  const explainer = explainerOf(item);
  return explainer.single ? null : [...new Set(explainer.leaves.map((reader) => reader.name))];
}
