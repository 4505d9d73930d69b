import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Text } from '../../i18n/messages.js';
import type { Dataset, DatasetRecords } from '../../records/dataset.js';
import { placementOf, type Located, type ParseResult, type RowPlacement } from '../../records/parsing/parsed-row.js';
import type { RejectedRow } from '../../records/parsing/rejected-row.js';
import { checkReferences, householdReferenceCheck } from '../../records/references/check-references.js';
import type { Household } from '../../records/schemas/household-schema.js';
import { RECORD_KIND_NAMES, RECORD_KINDS, type RecordKind, type RecordOf } from '../../records/schemas/record-kinds.js';
import { datasetFilesOf, whereKindGoes, type DatasetFile } from './dataset-file-of.js';
import { DatasetFolderError } from './dataset-folder-error.js';
import { parseDatasetFile } from './parse-dataset-file.js';
import { sheetPartSize } from './workbook-zip.js';

/** What the households' progress is measured against: the file's bytes, or a sheet's bytes of XML. */
async function householdsFileSize(dir: string, file: DatasetFile): Promise<number | null> {
  if (file.format !== 'xlsx') return (await stat(join(dir, file.name))).size;
  return sheetPartSize(join(dir, file.path ?? file.name), file.sheet ?? '');
}

async function readKind<K extends RecordKind>(
  dir: string,
  file: DatasetFile | null,
  kind: K,
  rejected: RejectedRow[],
  placements: Map<RejectedRow, RowPlacement>,
): Promise<Located<RecordOf<K>>[]> {
  const rows: Located<RecordOf<K>>[] = [];
  if (file === null) return rows;
  for await (const result of parseDatasetFile(dir, file, kind)) {
    if (result.ok) rows.push({ file: result.file, line: result.line, record: result.record });
    else {
      rejected.push(result.rejected);
      if (result.placement) placements.set(result.rejected, result.placement);
    }
  }
  return rows;
}

/** Places the rows the reference checks refused: each is a parsed record, found again by file and line. */
function placeRefused(parsed: DatasetRecords, refused: readonly RejectedRow[], placements: Map<RejectedRow, RowPlacement>): void {
  const byLine = new Map<string, unknown>();
  for (const rows of Object.values(parsed) as Located<unknown>[][]) for (const row of rows) byLine.set(`${row.file}:${row.line}`, row.record);
  for (const row of refused) {
    const placement = placementOf(byLine.get(`${row.file}:${row.line}`));
    if (placement) placements.set(row, placement);
  }
}

/**
 * A dataset folder opened for streaming: every kind but households read and checked, and the
 * households as a stream checked one at a time (schema, duplicates, village), so a province of
 * a million households never sits in memory. `rejected` holds the rejections so far: complete
 * once `households` has been read to the end.
 */
export interface OpenedDataset {
  /** The checked records of every kind; `households` is empty here. */
  readonly frame: Dataset;
  readonly households: AsyncGenerator<Household>;
  readonly rejected: RejectedRow[];
  /**
   * How much of a text households file (`.jsonl`, `.csv`) `households` has read: its size and
   * the bytes taken so far, for the time left of an import. `null` for a workbook's sheet,
   * whose bytes are compressed and say nothing of the rows left.
   */
  readonly householdsBytes: { readonly total: number; read(): number } | null;
}

/**
 * Opens a dataset folder (`counties`, `townships`, `villages`, `households` required; `units`
 * and `card-history` optional; each as `.jsonl`, `.csv` or `.xlsx`, or a sheet of the folder's
 * workbook). Throws `DatasetFolderError` for a
 * folder that is not a dataset.
 */
export async function openDatasetFolder(dir: string): Promise<OpenedDataset> {
  const names = await listDatasetFolder(dir);
  const files = await datasetFilesOf(dir, names);
  const missing = RECORD_KIND_NAMES.filter((kind) => RECORD_KINDS[kind].required && files.get(kind) === null);
  if (missing.length > 0) {
    throw new DatasetFolderError(dir, { key: 'folder.missing', params: { files: missing.map(whereKindGoes) } });
  }
  const parseRejected: RejectedRow[] = [];
  const placements = new Map<RejectedRow, RowPlacement>();
  const file = (kind: RecordKind): DatasetFile | null => files.get(kind) ?? null;
  const parsed: DatasetRecords = {
    counties: await readKind(dir, file('counties'), 'counties', parseRejected, placements),
    townships: await readKind(dir, file('townships'), 'townships', parseRejected, placements),
    units: await readKind(dir, file('units'), 'units', parseRejected, placements),
    villages: await readKind(dir, file('villages'), 'villages', parseRejected, placements),
    households: [],
    cardHistory: await readKind(dir, file('cardHistory'), 'cardHistory', parseRejected, placements),
  };
  const checked = checkReferences(parsed);
  placeRefused(parsed, checked.rejected, placements);
  const kindOrder = new Map(RECORD_KIND_NAMES.map((kind, index) => [files.get(kind)?.name, index]));
  const rejected = [...parseRejected, ...checked.rejected].sort((a, b) => (kindOrder.get(a.file) ?? 0) - (kindOrder.get(b.file) ?? 0) || a.line - b.line);
  const records = <T>(rows: readonly Located<T>[]): T[] => rows.map((row) => row.record);
  const { dataset } = checked;
  // Households come after villages and before card history in the rejection order.
  const householdsAt = rejected.findIndex((row) => (kindOrder.get(row.file) ?? 0) > RECORD_KIND_NAMES.indexOf('households'));
  const cardRejections = householdsAt === -1 ? [] : rejected.splice(householdsAt);
  const householdsFile = file('households')!;
  let bytesRead = 0;
  const total = await householdsFileSize(dir, householdsFile);
  const householdsBytes = total === null ? null : { total, read: () => bytesRead };
  async function* households(): AsyncGenerator<Household> {
    // The duplicate check holds every household id of the file; it is dropped once the file
    // has been read, so the rest of a run (scoring, reports) does not carry it.
    let check: ReturnType<typeof householdReferenceCheck> | null = householdReferenceCheck(checked.villageIndex);
    for await (const result of parseDatasetFile(dir, householdsFile, 'households', (bytes) => (bytesRead += bytes))) {
      if (!result.ok) {
        rejected.push(result.rejected);
        if (result.placement) placements.set(result.rejected, result.placement);
        continue;
      }
      const refused = check({ file: result.file, line: result.line, record: result.record });
      if (refused) {
        rejected.push(refused);
        placements.set(refused, { villageId: result.record.villageId });
      } else yield result.record;
    }
    check = null;
    rejected.push(...cardRejections);
  }
  return {
    frame: {
      counties: records(dataset.counties),
      townships: records(dataset.townships),
      villages: records(dataset.villages),
      units: records(dataset.units),
      households: [],
      cardHistory: records(dataset.cardHistory),
      rejected,
      placements,
    },
    households: households(),
    rejected,
    householdsBytes,
  };
}

/**
 * Reads a whole dataset folder into memory: every record that passed its schema and the
 * references between records, and every rejected row, ordered by kind (counties, townships,
 * units, villages, households, card history) then line.
 */
export async function readDatasetFolder(dir: string): Promise<Dataset> {
  const opened = await openDatasetFolder(dir);
  const households: Household[] = [];
  for await (const household of opened.households) households.push(household);
  return { ...opened.frame, households, rejected: [...opened.rejected] };
}

/**
 * Yields the parse results of one kind of record of a dataset folder one at a time, so a
 * households file of a million lines never sits in memory. An optional kind without a file
 * yields nothing; a required one, an absent folder, or a kind given twice (`.jsonl` and `.csv`) throw
 * `DatasetFolderError`. Reference checks are the caller's (see `householdReferenceCheck`).
 */
export async function* streamDatasetFile<K extends RecordKind>(dir: string, kind: K): AsyncGenerator<ParseResult<RecordOf<K>>> {
  const file = (await datasetFilesOf(dir, await listDatasetFolder(dir))).get(kind) ?? null;
  if (file === null) {
    if (RECORD_KINDS[kind].required) throw new DatasetFolderError(dir, { key: 'folder.kindMissing', params: { file: whereKindGoes(kind) } });
    return;
  }
  yield* parseDatasetFile(dir, file, kind);
}

/** The names in a dataset folder; a folder that cannot be listed is a `DatasetFolderError`. */
export async function listDatasetFolder(dir: string): Promise<ReadonlySet<string>> {
  try {
    return new Set(await readdir(dir));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const problem: Text = code === 'ENOENT' ? { key: 'folder.notFound' } : code === 'ENOTDIR' ? { key: 'folder.notFolder' } : { key: 'folder.unreadable', params: { code: String(code) } };
    throw new DatasetFolderError(dir, problem, { cause });
  }
}
