import { checkReferences } from '../../records/check-references.js';
import type { DatasetRecords } from '../../records/dataset-records.js';
import type { Dataset } from '../../records/dataset.js';
import type { Located } from '../../records/located.js';
import { RECORD_KIND_NAMES, RECORD_KINDS, type RecordKind, type RecordOf } from '../../records/record-kinds.js';
import type { RejectedRow } from '../../records/rejected-row.js';
import { datasetFileOf, type DatasetFile } from './dataset-file-of.js';
import { listDatasetFolder } from './list-dataset-folder.js';
import { DatasetFolderError } from './dataset-folder-error.js';
import { parseDatasetFile } from './parse-dataset-file.js';

// The streaming reader of one file lives beside this one; re-exported so both readers share an import.
export { streamDatasetFile } from './stream-dataset-file.js';

async function readKind<K extends RecordKind>(dir: string, file: DatasetFile | null, kind: K, rejected: RejectedRow[]): Promise<Located<RecordOf<K>>[]> {
  const rows: Located<RecordOf<K>>[] = [];
  if (file === null) return rows;
  for await (const result of parseDatasetFile(dir, file, kind)) {
    if (result.ok) rows.push({ file: result.file, line: result.line, record: result.record });
    else rejected.push(result.rejected);
  }
  return rows;
}

/**
 * Reads a dataset folder (`counties`, `townships`, `villages`, `households` required; `units`
 * and `card-history` optional; each as `.jsonl` or `.csv`), checks every row against its
 * schema and the references between records, and returns the records that passed with every
 * rejected row, ordered by kind (counties, townships, units, villages, households, card
 * history) then line. Throws `DatasetFolderError` for a folder that is not a dataset.
 */
export async function readDatasetFolder(dir: string): Promise<Dataset> {
  const names = await listDatasetFolder(dir);
  const files = new Map(RECORD_KIND_NAMES.map((kind) => [kind, datasetFileOf(dir, names, kind)] as const));
  const missing = RECORD_KIND_NAMES.filter((kind) => RECORD_KINDS[kind].required && files.get(kind) === null);
  if (missing.length > 0) {
    const expected = missing.map((kind) => `${RECORD_KINDS[kind].fileStem}.jsonl or ${RECORD_KINDS[kind].fileStem}.csv`);
    throw new DatasetFolderError(dir, `missing ${expected.join(', ')}`);
  }
  const rejected: RejectedRow[] = [];
  const file = (kind: RecordKind): DatasetFile | null => files.get(kind) ?? null;
  const parsed: DatasetRecords = {
    counties: await readKind(dir, file('counties'), 'counties', rejected),
    townships: await readKind(dir, file('townships'), 'townships', rejected),
    units: await readKind(dir, file('units'), 'units', rejected),
    villages: await readKind(dir, file('villages'), 'villages', rejected),
    households: await readKind(dir, file('households'), 'households', rejected),
    cardHistory: await readKind(dir, file('cardHistory'), 'cardHistory', rejected),
  };
  const checked = checkReferences(parsed);
  const kindOrder = new Map(RECORD_KIND_NAMES.map((kind, index) => [files.get(kind)?.name, index]));
  const all = [...rejected, ...checked.rejected].sort((a, b) => (kindOrder.get(a.file) ?? 0) - (kindOrder.get(b.file) ?? 0) || a.line - b.line);
  const records = <T>(rows: readonly Located<T>[]): T[] => rows.map((row) => row.record);
  const { dataset } = checked;
  return {
    counties: records(dataset.counties),
    townships: records(dataset.townships),
    villages: records(dataset.villages),
    units: records(dataset.units),
    households: records(dataset.households),
    cardHistory: records(dataset.cardHistory),
    rejected: all,
  };
}
