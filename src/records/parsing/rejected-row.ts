import type { z } from 'zod';
import { render, type Lang, type MessageKey, type Text } from '../../i18n/messages.js';

/** A row of a dataset file that was left out, and why. `line` is 1-based (a record's first line). */
export interface RejectedRow {
  readonly file: string;
  readonly line: number;
  /** The field at fault as a dotted path (`members.1.age`), or `(line)`, `(row)`, `(record)` for the whole row. */
  readonly field: string;
  readonly reason: string;
  /** The row's own id when it could be read. */
  readonly id?: string;
}

/**
 * One stable line per rejected row, like `households.csv:17: incomePerCapita: expected a number, got "abc"`.
 * Line breaks inside a reason are flattened so the output stays one line per row.
 */
export function formatRejectedRow(row: RejectedRow): string {
  return rejectedRowIn('en', row);
}

/**
 * A rejected row's line in `lang`. In English it is the stored reason; in another language
 * each problem whose reason is a catalogue text is said in it (the others, and rows read back
 * from a store, keep their English).
 */
export function rejectedRowIn(lang: Lang, row: RejectedRow): string {
  return `${row.file}:${row.line}: ${row.field}: ${reasonIn(row, lang)}`.replace(/\r?\n|\r/g, ' ');
}

/**
 * The problems behind each rejection made here, for saying its reason in another language.
 * Kept beside the row rather than on it, so what summary.json, the incompleteness notes and
 * the verdicts keep of a row (its English `reason`) is unchanged.
 */
const PROBLEMS = new WeakMap<RejectedRow, readonly [RowProblem, ...RowProblem[]]>();

/** A rejected row's reason in `lang`: the English as stored, or its problems' catalogue texts. */
export function reasonIn(row: RejectedRow, lang: Lang): string {
  const problems = PROBLEMS.get(row);
  if (lang === 'en' || problems === undefined) return row.reason;
  const said = (problem: RowProblem) => (problem.text === undefined ? problem.reason : render(lang, problem.text));
  const [first, ...others] = problems;
  return [said(first), ...others.map((problem) => `${problem.field}: ${said(problem)}`)].join(render(lang, { key: 'reject.rowJoin' }));
}

/** One problem found in a row: the field at fault and why (in English, and as a catalogue text when it has one). */
export interface RowProblem {
  readonly field: string;
  readonly reason: string;
  /** The reason as a catalogue text; its English rendering is `reason`. */
  readonly text?: Text;
}

/**
 * The rejection of a row with at least one problem. The first problem names the field; the
 * reason then lists every other problem with its own field (`…; members.1.age: expected at
 * most 150, got 300`), so whoever fixes the file fixes the row in one pass instead of
 * learning of one problem per attempt.
 */
export function rejectedRowOf(file: string, line: number, problems: readonly [RowProblem, ...RowProblem[]], id: string | undefined): RejectedRow {
  const [first, ...others] = problems;
  const reason = [first.reason, ...others.map((problem) => `${problem.field}: ${problem.reason}`)].join('; ');
  const row: RejectedRow = id === undefined ? { file, line, field: first.field, reason } : { file, line, field: first.field, reason, id };
  PROBLEMS.set(row, problems);
  return row;
}

const MAX_SHOWN = 60;

/** A short, one-line rendering of an offending value for a rejection reason. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 1)}…` : shown;
}

const ARTICLES: Readonly<Record<string, MessageKey>> = {
  string: 'reject.a.string',
  number: 'reject.a.number',
  int: 'reject.a.int',
  boolean: 'reject.a.boolean',
  object: 'reject.a.object',
  array: 'reject.a.array',
};

/** The schema's own messages (see `nullable-fields.ts`) that the catalogue says in both languages. */
const CHECKS: Readonly<Record<string, MessageKey>> = {
  'expected a non-blank id': 'reject.nonBlankId',
  'expected an ISO date (YYYY-MM-DD)': 'reject.isoDate',
};

type Issue = z.core.$ZodIssue & { readonly input?: unknown };

/**
 * Why a zod issue refuses what it was found in, as a catalogue text whose English is a row's reason
 * as it has always read; the publish gate says a rule set's generic schema findings with it too.
 */
export function issueText(issue: Issue): Text {
  const got: Text | string = issue.input === undefined ? { key: 'reject.nothing' } : describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = Object.hasOwn(ARTICLES, issue.expected) ? { key: ARTICLES[issue.expected]! } : issue.expected;
      return issue.input === undefined ? { key: 'reject.missing', params: { expected } } : { key: 'reject.type', params: { expected, got } };
    }
    case 'invalid_value':
      return { key: 'reject.oneOf', params: { values: issue.values.map(String).join(', '), got } };
    case 'too_small':
      return { key: issue.inclusive === false ? 'reject.moreThan' : 'reject.atLeast', params: { limit: String(issue.minimum), got } };
    case 'too_big':
      return { key: issue.inclusive === false ? 'reject.lessThan' : 'reject.atMost', params: { limit: String(issue.maximum), got } };
    default: {
      // Formats and custom checks carry the schema's own message ("expected a quarter like 2018Q3").
      const check: Text | string = Object.hasOwn(CHECKS, issue.message) ? { key: CHECKS[issue.message]! } : issue.message;
      if (issue.input === undefined) return typeof check === 'string' ? { key: 'reject.custom.alone', params: { check } } : check;
      return { key: 'reject.custom', params: { check, got } };
    }
  }
}

function problemOf(issue: Issue): RowProblem {
  const text = issueText(issue);
  return { field: issue.path.length === 0 ? '(record)' : issue.path.map(String).join('.'), reason: render('en', text), text };
}

/** Every problem of a row that failed its schema, one per issue, named by its dotted path (`members.1.age`). */
export function problemsFromIssues(issues: readonly Issue[]): RowProblem[] {
  return issues.map(problemOf);
}

/**
 * The rejection of a row that failed its schema, listing every issue; the field is the first
 * issue's dotted path. Parse with `{ reportInput: true }` so the reason can show the offending value.
 */
export function rejectionFromIssues(file: string, line: number, issues: readonly Issue[], id: string | undefined): RejectedRow {
  const [first, ...rest] = problemsFromIssues(issues);
  return rejectedRowOf(file, line, [first ?? { field: '(record)', reason: 'invalid record' }, ...rest], id);
}
