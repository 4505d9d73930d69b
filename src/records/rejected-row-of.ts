import type { RejectedRow } from './rejected-row.js';

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
