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
