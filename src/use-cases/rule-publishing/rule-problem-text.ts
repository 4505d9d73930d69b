import type { SchemaProblem } from '../../engine/load-rule-set.js';
import type { ProblemParam, RuleSetProblem } from '../../engine/rule-set-problem.js';
import type { MessageKey, Text, TextParam } from '../../i18n/messages.js';
import { describeValue, issueText } from '../../records/parsing/rejected-row.js';

/**
 * What the gate found wrong with a draft, as catalogue texts, so the terminal and the console
 * say it in the reader's language: the engine's static-check problems by their codes, and the
 * schema's zod issues by their kind. Their English is what the API's report keeps.
 */

const wordOf = (param: ProblemParam): TextParam =>
  typeof param === 'object' ? { key: `ruleWord.${param.word}` as MessageKey, params: param.value === undefined ? {} : { value: param.value } } : param;

/** An engine problem as a catalogue text, or nothing for a problem that has no code. */
export function ruleProblemText(problem: Pick<RuleSetProblem, 'code' | 'params' | 'year'>, year?: number): Text | undefined {
  if (problem.code === undefined) return undefined;
  const params = Object.fromEntries(Object.entries(problem.params ?? {}).map(([name, value]) => [name, wordOf(value)]));
  const text: Text = { key: `ruleProblem.${problem.code}` as MessageKey, params };
  const inYear = problem.year ?? year;
  return inYear === undefined ? text : { key: 'ruleProblem.inYear', params: { problem: text, year: inYear } };
}

/** The schema's own messages (rule-set-schema.ts, parameter-info.ts, condition-schema.ts) the catalogue holds. */
const SCHEMA_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'year keys are four digits': 'schemaIssue.yearKeys',
  'a byYear / byRegion table is malformed': 'schemaIssue.tableMalformed',
  'item ids are lowercase kebab-case': 'schemaIssue.itemIdCase',
  'rule-set ids are lowercase kebab-case': 'schemaIssue.ruleSetIdCase',
  'path must be a JSONPath of property steps, like $.water.qualityOk': 'schemaIssue.pathSteps',
  'a reference date is 2016-04-23, 2016-04 or 2016': 'schemaIssue.referenceDate',
  'a reference names its document': 'schemaIssue.referenceDocument',
  'a reference names the article or section': 'schemaIssue.referenceSection',
  'a parameter names at least one reference': 'schemaIssue.referenceNeeded',
};

const UNIT_PREFIX = 'a unit is one of ';
const PER_FIELD = ', or an object giving one of them per field';

/**
 * A schema problem as a catalogue text: the schema's own checks by name, a missing label, an
 * unknown operator or field and a short text or list by what they mean here, and zod's other
 * findings as a dataset row's are said (`issueText`).
 */
export function schemaProblemText(problem: SchemaProblem): Text {
  const issue = problem.issue as SchemaProblem['issue'] & { readonly input?: unknown; readonly params?: Record<string, unknown> };
  const got = describeValue(issue.input);
  const language = problem.path.split('.').at(-1);
  if (issue.code === 'custom' && typeof issue.params?.problem === 'string') {
    const { problem: name, ...params } = issue.params;
    return { key: `schemaIssue.${name}` as MessageKey, params: params as Record<string, string> };
  }
  if (Object.hasOwn(SCHEMA_MESSAGES, issue.message)) return { key: SCHEMA_MESSAGES[issue.message]! };
  if (issue.message.startsWith(UNIT_PREFIX)) {
    const units = issue.message.slice(UNIT_PREFIX.length);
    return units.endsWith(PER_FIELD) ? { key: 'schemaIssue.unitPerField', params: { units: units.slice(0, -PER_FIELD.length) } } : { key: 'schemaIssue.unit', params: { units } };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined && (language === 'zh' || language === 'en')) {
    return { key: 'schemaIssue.labelMissing', params: { language: { key: `ruleWord.${language}` } } };
  }
  if (issue.code === 'invalid_value' && issue.message.startsWith('unknown operator ')) return { key: 'schemaIssue.unknownOperator', params: { got, known: issue.values.map(String).join(', ') } };
  if (issue.code === 'unrecognized_keys') return { key: 'schemaIssue.unknownKeys', params: { keys: issue.keys.join(', ') } };
  if (issue.code === 'too_small' && issue.origin === 'string') return { key: 'schemaIssue.minChars', params: { limit: String(issue.minimum) } };
  if (issue.code === 'too_small' && issue.origin === 'array') return { key: 'schemaIssue.minItems', params: { limit: String(issue.minimum) } };
  if (issue.code === 'invalid_format') return { key: 'schemaIssue.pattern', params: { got, pattern: 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : issue.format } };
  return issueText(issue);
}
