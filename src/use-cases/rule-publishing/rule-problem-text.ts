import type { SchemaProblem } from '../../engine/load-rule-set.js';
import type { ProblemParam, RuleSetProblem } from '../../engine/rule-set-problem.js';
import type { MessageKey, Text, TextParam } from '../../i18n/messages.js';
import { describeValue } from '../../records/parsing/rejected-row.js';

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
const TYPE_WORDS = new Set(['number', 'boolean', 'string', 'object', 'array']);

/** A schema problem as a catalogue text: the schema's own checks by name, zod's by the kind of issue. */
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
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined && (language === 'zh' || language === 'en')) return { key: 'schemaIssue.labelMissing', params: { language: { key: `ruleWord.${language}` } } };
      const expected: TextParam = TYPE_WORDS.has(issue.expected) ? { key: `ruleWord.${issue.expected}` as MessageKey } : issue.expected;
      return issue.input === undefined ? { key: 'schemaIssue.missing', params: { expected } } : { key: 'schemaIssue.type', params: { expected, got } };
    }
    case 'invalid_value':
      if (issue.message.startsWith('unknown operator ')) return { key: 'schemaIssue.unknownOperator', params: { got, known: issue.values.map(String).join(', ') } };
      return { key: 'schemaIssue.oneOf', params: { values: issue.values.map((v) => JSON.stringify(v)).join(', '), got } };
    case 'unrecognized_keys':
      return { key: 'schemaIssue.unknownKeys', params: { keys: issue.keys.join(', ') } };
    case 'too_small':
      if (issue.origin === 'string') return { key: 'schemaIssue.minChars', params: { limit: String(issue.minimum) } };
      if (issue.origin === 'array') return { key: 'schemaIssue.minItems', params: { limit: String(issue.minimum) } };
      return { key: issue.inclusive === false ? 'schemaIssue.moreThan' : 'schemaIssue.atLeast', params: { limit: String(issue.minimum), got } };
    case 'too_big':
      return { key: issue.inclusive === false ? 'schemaIssue.lessThan' : 'schemaIssue.atMost', params: { limit: String(issue.maximum), got } };
    case 'invalid_format':
      return { key: 'schemaIssue.pattern', params: { got, pattern: 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : issue.format } };
    default:
      return { key: 'schemaIssue.other', params: { message: issue.message } };
  }
}
