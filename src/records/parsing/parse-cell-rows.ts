import type { z } from 'zod';
import { describeCsvColumns } from '../csv/csv-columns.js';
import { planCsvColumns, type CsvColumnPlan } from '../csv/csv-layout.js';
import { csvRowToRecord } from '../csv/csv-row-to-record.js';
import { csvVocabularyOf } from '../csv/csv-vocabulary.js';
import { recordId, withPlacement, type ParseOptions, type ParseResult } from './parsed-row.js';
import { problemsFromIssues, rejectedRowOf } from './rejected-row.js';
import type { CsvRecord } from '../csv/parse-csv.js';
import { CsvHeaderError } from '../record-errors.js';
import { render, type Text } from '../../i18n/messages.js';

/**
 * Reads a table of text cells — a CSV file's records or a workbook sheet's rows — whose first
 * row is the header of the contract's field names or their zh names. Cells are read by the kind
 * of their column in `schema` (see `describeCsvColumns`) and the clerk's spellings the data
 * dictionary names (see `readCell`); unknown columns are kept as text. Each row is reported at
 * its `line` under `file`. Throws `CsvHeaderError` when the header is unusable.
 */
export async function* parseCellRows<T>(rows: AsyncIterable<CsvRecord>, file: string, schema: z.ZodType<T>, options: ParseOptions = {}): AsyncGenerator<ParseResult<T>> {
  const columns = describeCsvColumns(schema);
  const vocabulary = csvVocabularyOf(schema);
  let plans: CsvColumnPlan[] | null = null;
  for await (const row of rows) {
    const { line } = row;
    if ('error' in row) {
      if (plans === null) throw new CsvHeaderError(file, line, { key: 'header.unreadable', params: { detail: row.error } });
      yield { ok: false, rejected: rejectedRowOf(file, line, [{ field: '(row)', reason: render('en', row.error), text: row.error }], undefined) };
      continue;
    }
    if (plans === null) {
      plans = planCsvColumns(file, line, row.cells, columns, vocabulary);
      continue;
    }
    if (row.cells.length !== plans.length) {
      const text: Text = { key: 'reject.cellCount', params: { expected: plans.length, got: row.cells.length } };
      yield { ok: false, rejected: rejectedRowOf(file, line, [{ field: '(row)', reason: render('en', text), text }], undefined) };
      continue;
    }
    const { record, problems } = csvRowToRecord(plans, row.cells);
    const id = recordId(record, options.idField);
    const parsed = schema.safeParse(record, { reportInput: true });
    if (parsed.success && problems.length === 0) {
      yield { ok: true, file, line, record: parsed.data };
      continue;
    }
    // A cell that could not be read is left out of the record, so the schema's issues are mostly
    // about the other cells: the row's rejection lists both, every problem of the row at once,
    // leaving out a schema issue that only restates a cell's problem (same field or its object).
    const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
    const issues = parsed.success ? [] : problemsFromIssues(parsed.error.issues).filter((issue) => !problems.some((cell) => related(cell.field, issue.field)));
    const [first, ...rest] = [...problems, ...issues];
    yield withPlacement(rejectedRowOf(file, line, [first ?? { field: '(record)', reason: 'invalid record' }, ...rest], id), record);
  }
}
