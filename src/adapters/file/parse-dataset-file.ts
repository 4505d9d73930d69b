import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseCsv } from '../../records/parse-csv.js';
import { parseJsonLines } from '../../records/parse-json-lines.js';
import type { ParseResult } from '../../records/parse-result.js';
import { readLines } from '../../records/read-lines.js';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../../records/record-kinds.js';
import type { DatasetFile } from './dataset-file-of.js';

/** Parses one dataset file as a stream: only the current line is held, whatever the file's size. */
export function parseDatasetFile<K extends RecordKind>(dir: string, file: DatasetFile, kind: K): AsyncGenerator<ParseResult<RecordOf<K>>> {
  const { schema, idField } = RECORD_KINDS[kind];
  const lines = readLines(createReadStream(join(dir, file.name)));
  const typed = schema as unknown as z.ZodType<RecordOf<K>>;
  return file.format === 'csv' ? parseCsv(lines, file.name, typed, { idField }) : parseJsonLines(lines, file.name, typed, { idField });
}

