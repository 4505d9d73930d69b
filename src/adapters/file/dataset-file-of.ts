import { RECORD_KINDS, type RecordKind } from '../../records/record-kinds.js';
import { DatasetFolderError } from './dataset-folder-error.js';

/** The file holding one kind of record in a dataset folder. */
export interface DatasetFile {
  /** The file name alone (`households.csv`), as rejected rows name it. */
  readonly name: string;
  readonly format: 'jsonl' | 'csv';
}

/**
 * Finds the file of `kind` among a folder's names: `<stem>.jsonl` or `<stem>.csv`. Both at
 * once is ambiguous, so it is an error; neither is `null` (the caller decides if it is required).
 */
export function datasetFileOf(dir: string, names: ReadonlySet<string>, kind: RecordKind): DatasetFile | null {
  const stem = RECORD_KINDS[kind].fileStem;
  const jsonl = names.has(`${stem}.jsonl`);
  const csv = names.has(`${stem}.csv`);
  if (jsonl && csv) throw new DatasetFolderError(dir, `both ${stem}.jsonl and ${stem}.csv are present; keep one`);
  if (jsonl) return { name: `${stem}.jsonl`, format: 'jsonl' };
  if (csv) return { name: `${stem}.csv`, format: 'csv' };
  return null;
}
