import type { RejectedRow } from './rejected-row.js';

/** One problem found in a row: the field at fault and why. */
export interface RowProblem {
  readonly field: string;
  readonly reason: string;
}

/**
 * The rejection of a row with at least one problem: the first names the field, and the reason
 * counts the others so whoever fixes the row knows it has more to fix.
 */
export function rejectedRowOf(file: string, line: number, problems: readonly [RowProblem, ...RowProblem[]], id: string | undefined): RejectedRow {
  const [first] = problems;
  const others = problems.length - 1;
  const reason = others > 0 ? `${first.reason} (and ${others} more issue${others === 1 ? '' : 's'})` : first.reason;
  return id === undefined ? { file, line, field: first.field, reason } : { file, line, field: first.field, reason, id };
}
