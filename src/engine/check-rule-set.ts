import { isLeaf, type Condition, type LeafCondition, type OperatorName } from './condition-schema.js';
import { labelTemplateProblems } from './label-template.js';
import { yearTables } from './parameters.js';
import type { RuleSet } from './rule-set-schema.js';
import { ruleProblem, type ProblemWord, type RuleSetProblem } from './rule-set-problem.js';

export type { RuleSetProblem } from './rule-set-problem.js';

/** The type of a fact (or of a field read through a path), as the static check sees it. */
export type CheckedType = 'number' | 'boolean' | 'string' | 'object';

/** What the check needs to know of the facts a standard computes. */
export interface CatalogueView {
  readonly [fact: string]: { readonly type: CheckedType; readonly fields?: Readonly<Record<string, Exclude<CheckedType, 'object'>>> };
}

const NUMERIC: readonly OperatorName[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const MEMBERSHIP: readonly OperatorName[] = ['in', 'notIn'];
const CONTAINMENT: readonly OperatorName[] = ['contains', 'doesNotContain'];

function typeOf(catalogue: CatalogueView, fact: string, path: string | undefined, at: string, problems: RuleSetProblem[]): CheckedType | undefined {
  // Only own entries are facts: `constructor` or `toString` is inherited by every object, not computed by a standard.
  const definition = Object.hasOwn(catalogue, fact) ? catalogue[fact] : undefined;
  if (!definition) {
    problems.push(ruleProblem(at, 'unknownFact', { fact: JSON.stringify(fact), known: Object.keys(catalogue).sort().join(', ') }));
    return undefined;
  }
  if (path === undefined) return definition.type;
  const field = path.slice(2);
  const fieldType = definition.fields && Object.hasOwn(definition.fields, field) ? definition.fields[field] : undefined;
  if (!fieldType) {
    problems.push(ruleProblem(at, 'unknownField', { fact, field: JSON.stringify(field), known: Object.keys(definition.fields ?? {}).join(', ') || 'none' }));
    return undefined;
  }
  return fieldType;
}

function literalType(value: unknown): CheckedType | 'array' | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as CheckedType;
}

function checkLeaf(ruleSet: RuleSet, condition: LeafCondition, at: string, catalogue: CatalogueView, problems: RuleSetProblem[]): void {
  const factType = typeOf(catalogue, condition.fact, condition.path, `${at}.fact`, problems);
  const value = condition.value;
  let valueType: CheckedType | 'array' | 'null' | undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'fact' in value) {
    valueType = typeOf(catalogue, value.fact, value.path, `${at}.value.fact`, problems);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'param' in value) {
    if (!Object.hasOwn(ruleSet.parameters, value.param)) {
      problems.push(ruleProblem(`${at}.value.param`, 'unknownParameter', { parameter: JSON.stringify(value.param) }));
      return;
    }
    const raw = ruleSet.parameters[value.param];
    valueType = typeof raw === 'object' && raw !== null && 'byYear' in raw ? 'number' : literalType(raw);
  } else {
    valueType = literalType(value);
  }
  if (factType === undefined || valueType === undefined) return;
  const operator = condition.operator;
  const types = { operator, factType: { word: factType } satisfies ProblemWord, valueType: { word: valueType } satisfies ProblemWord };
  if (NUMERIC.includes(operator) && (factType !== 'number' || valueType !== 'number')) {
    problems.push(ruleProblem(`${at}.operator`, 'numericOperator', types));
  } else if (MEMBERSHIP.includes(operator) && valueType !== 'array') {
    problems.push(ruleProblem(`${at}.value`, 'listValue', { operator, valueType: types.valueType }));
  } else if (CONTAINMENT.includes(operator)) {
    problems.push(ruleProblem(`${at}.operator`, 'listFact', { operator }));
  } else if ((operator === 'equal' || operator === 'notEqual') && valueType !== factType) {
    problems.push(ruleProblem(`${at}.value`, 'neverHolds', types));
  }
}

function walk(ruleSet: RuleSet, condition: Condition, at: string, catalogue: CatalogueView, problems: RuleSetProblem[]): void {
  if (isLeaf(condition)) return checkLeaf(ruleSet, condition, at, catalogue, problems);
  if ('all' in condition) condition.all.forEach((c, i) => walk(ruleSet, c, `${at}.all.${i}`, catalogue, problems));
  else if ('any' in condition) condition.any.forEach((c, i) => walk(ruleSet, c, `${at}.any.${i}`, catalogue, problems));
  else walk(ruleSet, condition.not, `${at}.not`, catalogue, problems);
}

/**
 * Static checks beyond the schema: every fact exists in the standard's catalogue with a type
 * the operator can compare, every parameter exists, every label placeholder quotes a parameter
 * that is neither a year nor a region table, and (when given) every year the data uses is in
 * every year-keyed table. Returns the problems; an empty list means usable.
 */
export function checkRuleSet(ruleSet: RuleSet, catalogue: CatalogueView, years: readonly number[] = []): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  ruleSet.items.forEach((item, i) => walk(ruleSet, item.conditions, `items.${i}.conditions`, catalogue, problems));
  ruleSet.warnings.forEach((item, i) => walk(ruleSet, item.conditions, `warnings.${i}.conditions`, catalogue, problems));
  for (const [list, entries] of [['items', ruleSet.items], ['warnings', ruleSet.warnings]] as const) {
    entries.forEach((item, i) => {
      for (const problem of labelTemplateProblems(item.label, ruleSet.parameters)) problems.push({ ...problem.problem, path: `${list}.${i}.label.${problem.language}` });
    });
  }
  for (const table of yearTables(ruleSet)) {
    for (const year of years) {
      if (!table.years.includes(year)) problems.push(ruleProblem(`parameters.${table.name}.byYear`, 'noYearValue', { year }));
    }
  }
  return problems;
}
