import type { z } from 'zod';
import type { ParseOptions } from './parse-options.js';
import type { ParseResult } from './parse-result.js';
import { parseCellRows } from './parse-cell-rows.js';
import { DEFAULT_MAX_RECORD_CHARS, splitCsvRecords } from './split-csv-records.js';

export interface CsvParseOptions extends ParseOptions {
  /** A quoted cell longer than this is taken for an unclosed quote (the default is a million characters). */
  readonly maxRecordChars?: number;
}

/**
 * Parses a CSV file with a header row of the contract's field names or their zh names, given
 * line by line (`lines[n-1]` is line `n`; lines, not raw chunks, so both parsers share one line
 * reader — a quoted cell spanning lines is rejoined with `\n`). Rows are read as `parseCellRows`
 * reads any table of text cells. Throws `CsvHeaderError` when the header is unusable.
 */
export function parseCsv<T>(lines: AsyncIterable<string>, file: string, schema: z.ZodType<T>, options: CsvParseOptions = {}): AsyncGenerator<ParseResult<T>> {
  return parseCellRows(splitCsvRecords(lines, options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS), file, schema, options);
}
