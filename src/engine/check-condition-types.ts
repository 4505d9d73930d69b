import { PATH_PATTERN, type OperatorName } from './condition-schema.js';
import { isResolvedLeaf, type PreparedRuleSet, type ResolvedCondition, type ResolvedLeaf } from './prepare-rule-set.js';

export interface ConditionTypeProblem {
  readonly path: string;
  readonly message: string;
}

const NUMERIC: ReadonlySet<OperatorName> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

/** The problem of a `{fact, path}` compared value, which json-rules-engine reads from any object owning `fact`. */
function referenceProblem(value: { fact?: unknown; path?: unknown }): string | undefined {
  if (typeof value.fact !== 'string' || value.fact === '') return 'a fact reference needs a fact name';
  if (value.fact === '__proto__') return 'json-rules-engine cannot hold a fact named __proto__';
  if (value.path !== undefined && (typeof value.path !== 'string' || !PATH_PATTERN.test(value.path))) {
    return 'the path of a fact reference must be a JSONPath of property steps, like $.water.qualityOk';
  }
  return undefined;
}

function valueProblem(operator: OperatorName, value: unknown): string | undefined {
  if (value === null || value === undefined) {
    return `${operator} against null is always unknown (a missing value never decides a condition)`;
  }
  const isReference = typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact');
  if (isReference) {
    const problem = referenceProblem(value as { fact?: unknown; path?: unknown });
    if (problem) return problem;
    // json-rules-engine calls the other fact's `indexOf`: a number there rejects the whole run.
    if (operator === 'in' || operator === 'notIn') return `${operator} needs a literal list, not another fact`;
    return undefined;
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) return `${operator} needs a list of values, got ${describe(value)}`;
    const odd = value.find((element) => !isPrimitive(element));
    return odd === undefined ? undefined : `${operator} lists only strings, numbers and booleans, got ${describe(odd)}`;
  }
  if (NUMERIC.has(operator)) return typeof value === 'number' ? undefined : `${operator} needs a number or a fact, got ${describe(value)}`;
  // equal, notEqual, contains, doesNotContain compare with `===`: a list or object is never equal to a fact's value.
  return isPrimitive(value) ? undefined : `${operator} needs a string, number or boolean, got ${describe(value)}`;
}

function checkLeaf(leaf: ResolvedLeaf, at: string, problems: ConditionTypeProblem[]): void {
  if (leaf.fact === '__proto__') problems.push({ path: `${at}.fact`, message: 'json-rules-engine cannot hold a fact named __proto__' });
  const problem = valueProblem(leaf.operator, leaf.value);
  if (problem) problems.push({ path: `${at}.value`, message: problem });
}

function walk(condition: ResolvedCondition, at: string, problems: ConditionTypeProblem[]): void {
  if (isResolvedLeaf(condition)) checkLeaf(condition, at, problems);
  else if ('all' in condition) condition.all.forEach((c, i) => walk(c, `${at}.all.${i}`, problems));
  else if ('any' in condition) condition.any.forEach((c, i) => walk(c, `${at}.any.${i}`, problems));
  else walk(condition.not, `${at}.not`, problems);
}

/**
 * Refuses, once parameters are resolved for the year, every comparison whose meaning is an
 * accident of json-rules-engine rather than a rule: one that throws and rejects the whole run
 * (`in` against a number, or against another fact that may be one), one that can never decide
 * (a value of null), one that compares lists or objects by identity, or reads a string as
 * `in`'s substring search, or orders a number against text. Returns the problems, in document
 * order, shaped for `RuleSetInvalidError`; an empty list means the rule set may be used.
 */
export function checkConditionTypes(prepared: PreparedRuleSet): ConditionTypeProblem[] {
  const problems: ConditionTypeProblem[] = [];
  prepared.items.forEach((item, i) => walk(item.conditions, `items.${i}.conditions`, problems));
  prepared.warnings.forEach((item, i) => walk(item.conditions, `warnings.${i}.conditions`, problems));
  return problems;
}
