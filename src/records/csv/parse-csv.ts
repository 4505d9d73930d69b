import type { Text } from '../../i18n/messages.js';
import type { z } from 'zod';
import { parseCellRows } from '../parsing/parse-cell-rows.js';
import type { ParseOptions, ParseResult } from '../parsing/parsed-row.js';

/** One CSV record: its cells, or why it could not be split; `line` is the line it starts on. */
/** A record of cells, or why its line cannot be read (`error` as a catalogue text; its English is the stored reason). */
export type CsvRecord = { readonly line: number; readonly cells: string[] } | { readonly line: number; readonly error: Text };

/** A record still inside quotes after this many characters is taken for an unclosed quote. */
export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

/**
 * Splits RFC 4180 CSV, given line by line, into records: cells separated by commas, quoted
 * cells with commas, doubled quotes and line breaks inside (a quoted line break comes back
 * as `\n`). A record spanning several lines reports the line it starts on. Blank lines
 * between records are skipped. A quote inside an unquoted cell is kept as text; text after a
 * closing quote, a quote left open at the end, or a quoted cell longer than `maxRecordChars`
 * (reading resumes on the next line) makes an error record.
 */
export async function* splitCsvRecords(lines: AsyncIterable<string>, maxRecordChars = DEFAULT_MAX_RECORD_CHARS): AsyncGenerator<CsvRecord> {
  let lineNumber = 0;
  let start = 0;
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let afterQuote = false;
  let atCellStart = true;
  let error: Text | null = null;
  let size = 0;

  const reset = (): void => {
    cells = [];
    cell = '';
    inQuotes = false;
    afterQuote = false;
    atCellStart = true;
    error = null;
    size = 0;
  };

  for await (const raw of lines) {
    lineNumber += 1;
    const text = lineNumber === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (!inQuotes) {
      if (text === '') continue;
      start = lineNumber;
      // Most rows hold no quote at all: split them without walking every character.
      if (!text.includes('"')) {
        yield { line: start, cells: text.split(',') };
        continue;
      }
    } else {
      cell += '\n';
    }
    size += text.length + 1;
    // Walk the line a run at a time (up to the next quote or comma), not a character at a time.
    let i = 0;
    while (i < text.length) {
      if (inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          cell += text.slice(i);
          break;
        }
        cell += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          inQuotes = false;
          afterQuote = true;
          i = quote + 1;
        }
      } else if (text[i] === ',') {
        cells.push(cell);
        cell = '';
        afterQuote = false;
        atCellStart = true;
        i += 1;
      } else if (text[i] === '"' && atCellStart) {
        inQuotes = true;
        atCellStart = false;
        i += 1;
      } else {
        const comma = text.indexOf(',', i);
        const end = comma === -1 ? text.length : comma;
        if (afterQuote) error ??= { key: 'reject.csv.afterQuote', params: { cell: cells.length + 1 } };
        cell += text.slice(i, end);
        atCellStart = false;
        i = end;
      }
    }
    if (inQuotes) {
      if (size <= maxRecordChars) continue;
      yield { line: start, error: { key: 'reject.csv.longCell', params: { max: maxRecordChars } } };
      reset();
      continue;
    }
    cells.push(cell);
    yield error === null ? { line: start, cells } : { line: start, error };
    reset();
  }
  if (inQuotes) yield { line: start, error: { key: 'reject.csv.unclosed' } };
}

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
