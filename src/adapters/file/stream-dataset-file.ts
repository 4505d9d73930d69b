import type { ParseResult } from '../../records/parse-result.js';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '../../records/record-kinds.js';
import { datasetFileOf } from './dataset-file-of.js';
import { listDatasetFolder } from './list-dataset-folder.js';
import { DatasetFolderError } from './dataset-folder-error.js';
import { parseDatasetFile } from './parse-dataset-file.js';

/**
 * Yields the parse results of one kind of record of a dataset folder one at a time, so a
 * households file of a million lines never sits in memory. An optional kind without a file
 * yields nothing; a required one, an absent folder, or both a `.jsonl` and a `.csv` throw
 * `DatasetFolderError`. Reference checks are the caller's (see `householdReferenceCheck`).
 */
export async function* streamDatasetFile<K extends RecordKind>(dir: string, kind: K): AsyncGenerator<ParseResult<RecordOf<K>>> {
  const file = datasetFileOf(dir, await listDatasetFolder(dir), kind);
  if (file === null) {
    const { fileStem, required } = RECORD_KINDS[kind];
    if (required) throw new DatasetFolderError(dir, `${fileStem}.jsonl or ${fileStem}.csv is missing`);
    return;
  }
  yield* parseDatasetFile(dir, file, kind);
}
