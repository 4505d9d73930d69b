import type { ParseResult } from '../../records/parsing/parsed-row.js';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../../records/schemas/record-kinds.js';
import { datasetFilesOf, whereKindGoes } from './dataset-file-of.js';
import { listDatasetFolder } from './list-dataset-folder.js';
import { DatasetFolderError } from './dataset-folder-error.js';
import { parseDatasetFile } from './parse-dataset-file.js';

/**
 * Yields the parse results of one kind of record of a dataset folder one at a time, so a
 * households file of a million lines never sits in memory. An optional kind without a file
 * yields nothing; a required one, an absent folder, or a kind given twice (`.jsonl` and `.csv`) throw
 * `DatasetFolderError`. Reference checks are the caller's (see `householdReferenceCheck`).
 */
export async function* streamDatasetFile<K extends RecordKind>(dir: string, kind: K): AsyncGenerator<ParseResult<RecordOf<K>>> {
  const file = (await datasetFilesOf(dir, await listDatasetFolder(dir))).get(kind) ?? null;
  if (file === null) {
    if (RECORD_KINDS[kind].required) throw new DatasetFolderError(dir, `${whereKindGoes(kind)} is missing`);
    return;
  }
  yield* parseDatasetFile(dir, file, kind);
}
