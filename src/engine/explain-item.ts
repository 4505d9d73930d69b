import type { OperatorName } from './condition-schema.js';
import { isMissing, resolvePath, type Facts } from './facts.js';
import { isResolvedLeaf, type PreparedItem, type ResolvedCondition, type ResolvedLeaf, type ResolvedValue } from './prepare-rule-set.js';

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

function leafName(leaf: { fact: string; path?: string | undefined }): string {
  return leaf.path ? `${leaf.fact}${leaf.path.slice(1)}` : leaf.fact;
}

function compareValue(value: ResolvedValue, facts: Facts): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return resolvePath(facts.values[value.fact], value.path);
  return value;
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describe(condition: ResolvedCondition, facts: Facts, withName: boolean): string {
  if (isResolvedLeaf(condition)) {
    const target = compareValue(condition.value, facts);
    const requirement = `${OPERATOR_SYMBOLS[condition.operator]} ${formatValue(target ?? null)}`;
    return withName ? `${leafName(condition)} ${requirement}` : requirement;
  }
  if ('all' in condition) return condition.all.map((c) => wrap(c, facts)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => wrap(c, facts)).join(' or ');
  return `not (${describe(condition.not, facts, true)})`;
}

function wrap(condition: ResolvedCondition, facts: Facts): string {
  const text = describe(condition, facts, true);
  return isResolvedLeaf(condition) || 'not' in condition ? text : `(${text})`;
}

/** "What was required", in words a clerk can check: `> 3535`, or `water.qualityOk = true and …`. */
export function describeRequirement(item: PreparedItem, facts: Facts): string {
  const single = item.leaves.length === 1 && isResolvedLeaf(item.conditions);
  return describe(item.conditions, facts, !single);
}

/** "The value found": the fact itself for a one-condition item, else each fact by name. */
export function actualValue(item: PreparedItem, facts: Facts): unknown {
  if (item.leaves.length === 1 && isResolvedLeaf(item.conditions)) {
    const leaf = item.leaves[0] as ResolvedLeaf;
    return resolvePath(facts.values[leaf.fact], leaf.path) ?? null;
  }
  const found: Record<string, unknown> = {};
  for (const leaf of item.leaves) found[leafName(leaf)] = resolvePath(facts.values[leaf.fact], leaf.path) ?? null;
  return found;
}

function missingOf(fact: string, path: string | undefined, facts: Facts): string[] {
  const whole = facts.values[fact];
  if (isMissing(whole)) return [...(facts.missing[fact] ?? [fact])];
  if (isMissing(resolvePath(whole, path))) return [leafName({ fact, path })];
  return [];
}

/** The record fields whose absence left some condition of the item undecided, sorted. */
export function missingFields(item: PreparedItem, facts: Facts): string[] {
  const fields = new Set<string>();
  for (const leaf of item.leaves) {
    missingOf(leaf.fact, leaf.path, facts).forEach((f) => fields.add(f));
    const value = leaf.value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      missingOf(value.fact, value.path, facts).forEach((f) => fields.add(f));
    }
  }
  return [...fields].sort();
}
