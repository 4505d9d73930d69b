import type { z } from 'zod';

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
  return `${row.file}:${row.line}: ${row.field}: ${row.reason}`.replace(/\r?\n|\r/g, ' ');
}

/** One problem found in a row: the field at fault and why. */
export interface RowProblem {
  readonly field: string;
  readonly reason: string;
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
  return id === undefined ? { file, line, field: first.field, reason } : { file, line, field: first.field, reason, id };
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

const ARTICLES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

type Issue = z.core.$ZodIssue & { readonly input?: unknown };

function describeIssue(issue: Issue): string {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = Object.hasOwn(ARTICLES, issue.expected) ? ARTICLES[issue.expected]! : issue.expected;
      return issue.input === undefined ? `missing, expected ${expected}` : `expected ${expected}, got ${got}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}, got ${got}`;
    case 'too_small':
      return `expected ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}, got ${got}`;
    case 'too_big':
      return `expected ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}, got ${got}`;
    default:
      // Formats and custom checks carry the schema's own message ("expected a quarter like 2018Q3").
      return issue.input === undefined ? issue.message : `${issue.message}, got ${got}`;
  }
}

function problemOf(issue: Issue): RowProblem {
  return { field: issue.path.length === 0 ? '(record)' : issue.path.map(String).join('.'), reason: describeIssue(issue) };
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
