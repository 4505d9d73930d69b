import { fileChunks } from './file-chunks.js';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseCellRows } from '../../records/parsing/parse-cell-rows.js';
import { parseCsv } from '../../records/csv/parse-csv.js';
import { parseJsonLines } from '../../records/parsing/parse-json-lines.js';
import { withPlacement, type ParseResult } from '../../records/parsing/parsed-row.js';
import { readLines } from '../../records/parsing/read-lines.js';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../../records/schemas/record-kinds.js';
import { rejectedRowOf } from '../../records/parsing/rejected-row.js';
import type { DatasetFile } from './dataset-file-of.js';
import { storeFitProblems } from './store-fit.js';
import { workbookSheetRows } from './workbook-rows.js';

/**
 * Parses one dataset file as a stream: only the current line (or sheet row) is held, whatever
 * the file's size. A workbook sheet's rows are read like CSV rows (see `workbookSheetRows`).
 * The file is decoded strictly (UTF-8, UTF-16 with a byte-order mark, or GB18030; see
 * `readLines`): bytes that are not valid text throw `DatasetEncodingError` for the whole file.
 * A row that passes its schema but would not fit the store is rejected here, by file and line,
 * before any store sees it (see `storeFitProblems`).
 */
export async function* parseDatasetFile<K extends RecordKind>(
  dir: string,
  file: DatasetFile,
  kind: K,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<ParseResult<RecordOf<K>>> {
  const { schema, idField } = RECORD_KINDS[kind];
  const typed = schema as unknown as z.ZodType<RecordOf<K>>;
  const results =
    file.format === 'xlsx' ? parseCellRows(workbookSheetRows(join(dir, file.path ?? file.name), file.sheet ?? '', onBytes), file.name, typed, { idField }) : parseText(dir, file, typed, idField, onBytes);
  for await (const result of results) {
    if (!result.ok) {
      yield result;
      continue;
    }
    const [first, ...rest] = storeFitProblems(kind, result.record);
    if (first === undefined) {
      yield result;
      continue;
    }
    const id = (result.record as Record<string, unknown>)[idField];
    // Placed like any rejected row, so the village it leaves incomplete says so.
    yield withPlacement(rejectedRowOf(result.file, result.line, [first, ...rest], typeof id === 'string' ? idTag(id) : undefined), result.record);
  }
}

function parseText<T>(dir: string, file: DatasetFile, schema: z.ZodType<T>, idField: string, onBytes: (bytes: number) => void): AsyncGenerator<ParseResult<T>> {
  const lines = readLines(metered(fileChunks(join(dir, file.name)), onBytes), { file: file.name });
  return file.format === 'csv' ? parseCsv(lines, file.name, schema, { idField }) : parseJsonLines(lines, file.name, schema, { idField });
}

/** Passes a file's chunks through, telling `onBytes` the size of each as it is taken (for the import's time left). */
async function* metered(chunks: AsyncIterable<Uint8Array>, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** A rejection names its row by id; an id too long to store is cut so the report stays readable. */
function idTag(id: string): string {
  return id.length > 80 ? `${id.slice(0, 79)}…` : id;
}
