import type { z } from 'zod';
import { describeValue } from './describe-value.js';
import { rejectedRowOf, type RowProblem } from './rejected-row-of.js';
import type { RejectedRow } from './rejected-row.js';

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
