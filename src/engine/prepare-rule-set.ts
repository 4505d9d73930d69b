import { isLeaf, type Condition, type LeafCondition } from './condition-schema.js';
import { renderLabel } from './label-template.js';
import { ParameterReader } from './parameters.js';
import type { RuleSet, RuleSetItem } from './rule-set-schema.js';

/** A comparison value once parameters are resolved: a literal or another fact. */
export type ResolvedValue = number | string | boolean | (number | string | boolean)[] | { fact: string; path?: string };

export type ResolvedLeaf = Omit<LeafCondition, 'value'> & { value: ResolvedValue };

export type ResolvedCondition = ResolvedLeaf | { all: ResolvedCondition[] } | { any: ResolvedCondition[] } | { not: ResolvedCondition };

export interface PreparedItem {
  readonly id: string;
  /** The label with its parameter placeholders filled in: what a verdict shows. */
  readonly label: RuleSetItem['label'];
  readonly group: string | undefined;
  readonly conditions: ResolvedCondition;
  /** The leaves in document order, for explanations. */
  readonly leaves: readonly ResolvedLeaf[];
}

/**
 * A rule set bound to one assessment year: every `{param}` replaced by its value for that year,
 * and every label placeholder by the parameter it names.
 */
export interface PreparedRuleSet {
  readonly ruleSet: RuleSet;
  readonly year: number;
  readonly parameters: ParameterReader;
  readonly items: readonly PreparedItem[];
  readonly warnings: readonly PreparedItem[];
}

export function isResolvedLeaf(condition: ResolvedCondition): condition is ResolvedLeaf {
  return 'fact' in condition;
}

function resolveCondition(condition: Condition, parameters: ParameterReader): ResolvedCondition {
  if (isLeaf(condition)) {
    const { value } = condition;
    const resolved =
      typeof value === 'object' && value !== null && !Array.isArray(value) && 'param' in value
        ? (parameters.value(value.param) as ResolvedValue)
        : (value as ResolvedValue);
    return { ...condition, value: resolved };
  }
  if ('all' in condition) return { all: condition.all.map((c) => resolveCondition(c, parameters)) };
  if ('any' in condition) return { any: condition.any.map((c) => resolveCondition(c, parameters)) };
  return { not: resolveCondition(condition.not, parameters) };
}

export function collectLeaves(condition: ResolvedCondition, into: ResolvedLeaf[] = []): ResolvedLeaf[] {
  if (isResolvedLeaf(condition)) into.push(condition);
  else if ('all' in condition) condition.all.forEach((c) => collectLeaves(c, into));
  else if ('any' in condition) condition.any.forEach((c) => collectLeaves(c, into));
  else collectLeaves(condition.not, into);
  return into;
}

function prepareItem(item: RuleSetItem, parameters: ParameterReader): PreparedItem {
  const conditions = resolveCondition(item.conditions, parameters);
  const label = renderLabel(item.label, parameters.ruleSet.parameters);
  return { id: item.id, label, group: item.group, conditions, leaves: collectLeaves(conditions) };
}

/**
 * Binds a validated rule set to an assessment year. Throws `RuleSetYearMissingError` when a
 * year-keyed parameter the items use has no value for the year.
 */
export function prepareRuleSet(ruleSet: RuleSet, year: number): PreparedRuleSet {
  const parameters = new ParameterReader(ruleSet, year);
  return {
    ruleSet,
    year,
    parameters,
    items: ruleSet.items.map((item) => prepareItem(item, parameters)),
    warnings: ruleSet.warnings.map((item) => prepareItem(item, parameters)),
  };
}
