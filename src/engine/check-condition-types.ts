import { PATH_PATTERN, type OperatorName } from './condition-schema.js';
import { isResolvedLeaf, type PreparedRuleSet, type ResolvedCondition, type ResolvedLeaf } from './prepare-rule-set.js';
import { ruleProblem, type ProblemWord, type RuleProblemCode, type RuleSetProblem } from './rule-set-problem.js';

export type ConditionTypeProblem = RuleSetProblem;

/** A problem of a leaf's value before it has a path: its code and what it is about. */
type ValueProblem = { readonly code: RuleProblemCode; readonly params?: Readonly<Record<string, string | ProblemWord>> };

const NUMERIC: ReadonlySet<OperatorName> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function describe(value: unknown): ProblemWord {
  if (value === null) return { word: 'null' };
  if (Array.isArray(value)) return { word: 'list' };
  if (typeof value === 'object') return { word: 'an-object' };
  return { word: `the-${typeof value}` as ProblemWord['word'], value: JSON.stringify(value) };
}

/** The problem of a `{fact, path}` compared value, which json-rules-engine reads from any object owning `fact`. */
function referenceProblem(value: { fact?: unknown; path?: unknown }): ValueProblem | undefined {
  if (typeof value.fact !== 'string' || value.fact === '') return { code: 'referenceNeedsFact' };
  if (value.fact === '__proto__') return { code: 'protoFact' };
  if (value.path !== undefined && (typeof value.path !== 'string' || !PATH_PATTERN.test(value.path))) return { code: 'referencePath' };
  return undefined;
}

function valueProblem(operator: OperatorName, value: unknown): ValueProblem | undefined {
  if (value === null || value === undefined) return { code: 'nullValue', params: { operator } };
  const isReference = typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'fact');
  if (isReference) {
    const problem = referenceProblem(value as { fact?: unknown; path?: unknown });
    if (problem) return problem;
    // json-rules-engine calls the other fact's `indexOf`: a number there rejects the whole run.
    if (operator === 'in' || operator === 'notIn') return { code: 'inNeedsLiteral', params: { operator } };
    return undefined;
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) return { code: 'needsListOfValues', params: { operator, got: describe(value) } };
    const odd = value.find((element) => !isPrimitive(element));
    return odd === undefined ? undefined : { code: 'listOfPrimitives', params: { operator, got: describe(odd) } };
  }
  if (NUMERIC.has(operator)) return typeof value === 'number' ? undefined : { code: 'needsNumber', params: { operator, got: describe(value) } };
  // equal, notEqual, contains, doesNotContain compare with `===`: a list or object is never equal to a fact's value.
  return isPrimitive(value) ? undefined : { code: 'needsPrimitive', params: { operator, got: describe(value) } };
}

function checkLeaf(leaf: ResolvedLeaf, at: string, problems: ConditionTypeProblem[]): void {
  if (leaf.fact === '__proto__') problems.push(ruleProblem(`${at}.fact`, 'protoFact'));
  const problem = valueProblem(leaf.operator, leaf.value);
  if (problem) problems.push(ruleProblem(`${at}.value`, problem.code, problem.params));
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
