import { join } from 'node:path';
import { kindOfSheet, RECORD_KIND_NAMES, RECORD_KINDS, sheetNamesOf, type RecordKind } from '../../records/schemas/record-kinds.js';
import type { Text } from '../../i18n/messages.js';
import { DatasetFolderError } from './dataset-folder-error.js';
import { listWorkbookSheets } from './workbook-rows.js';

/** The file (or workbook sheet) holding one kind of record in a dataset folder. */
export interface DatasetFile {
  /** The name rejected rows give: the file alone (`households.csv`), or `dataset.xlsx[农户]` for a sheet. */
  readonly name: string;
  readonly format: 'jsonl' | 'csv' | 'xlsx';
  /** The file in the folder, when `name` is not it (a workbook's sheet). */
  readonly path?: string;
  /** The sheet of an `.xlsx` file, by the number of its part (see `listWorkbookSheets`). */
  readonly sheet?: string;
}

/**
 * The folder's dataset workbook, if any: an `.xlsx` file not named after a kind, holding a
 * sheet per kind (named by the file stem, `households`, or the kind's zh name, `农户`). Its
 * other sheets (notes, the column explanations) are ignored. Two such workbooks are ambiguous.
 */
export interface DatasetWorkbook {
  readonly file: string;
  /** Kind → its sheet: name and part number. */
  readonly sheets: ReadonlyMap<RecordKind, { readonly name: string; readonly fileNo: string }>;
}

const KIND_STEMS: ReadonlySet<string> = new Set(RECORD_KIND_NAMES.map((kind) => RECORD_KINDS[kind].fileStem));

export async function datasetWorkbookOf(dir: string, names: ReadonlySet<string>): Promise<DatasetWorkbook | null> {
  // `~$name.xlsx` is the lock file Excel and WPS leave beside an open workbook, not a workbook.
  const candidates = [...names].filter((name) => name.toLowerCase().endsWith('.xlsx') && !name.startsWith('~$') && !KIND_STEMS.has(name.slice(0, -5)));
  if (candidates.length === 0) return null;
  if (candidates.length > 1) throw new DatasetFolderError(dir, { key: 'folder.workbooks', params: { files: candidates.sort().join(', ') } });
  const file = candidates[0]!;
  const sheets = new Map<RecordKind, { name: string; fileNo: string }>();
  for (const [sheet, fileNo] of await listWorkbookSheets(join(dir, file))) {
    const kind = kindOfSheet(sheet);
    if (kind === null) continue;
    const other = sheets.get(kind);
    if (other !== undefined) throw new DatasetFolderError(dir, { key: 'folder.sheetTwice', params: { file, stem: RECORD_KINDS[kind].fileStem, first: other.name, second: sheet } });
    sheets.set(kind, { name: sheet, fileNo });
  }
  return { file, sheets };
}

/**
 * Finds the file of `kind` among a folder's names: `<stem>.jsonl`, `<stem>.csv`, `<stem>.xlsx`
 * (its first sheet holding the kind or, failing that, its first sheet), or the kind's sheet of
 * the folder's workbook. More than one at once is ambiguous, so it is an error; none is `null`
 * (the caller decides if it is required).
 */
export function datasetFileOf(
  dir: string,
  names: ReadonlySet<string>,
  kind: RecordKind,
  workbook: DatasetWorkbook | null = null,
  kindSheet: { readonly name: string; readonly fileNo: string } | null = null,
): DatasetFile | null {
  const stem = RECORD_KINDS[kind].fileStem;
  const found: DatasetFile[] = [];
  if (names.has(`${stem}.jsonl`)) found.push({ name: `${stem}.jsonl`, format: 'jsonl' });
  if (names.has(`${stem}.csv`)) found.push({ name: `${stem}.csv`, format: 'csv' });
  if (names.has(`${stem}.xlsx`) && kindSheet !== null) found.push({ name: `${stem}.xlsx[${kindSheet.name}]`, format: 'xlsx', path: `${stem}.xlsx`, sheet: kindSheet.fileNo });
  const sheet = workbook?.sheets.get(kind);
  if (workbook !== null && sheet !== undefined) found.push({ name: `${workbook.file}[${sheet.name}]`, format: 'xlsx', path: workbook.file, sheet: sheet.fileNo });
  if (found.length === 2) throw new DatasetFolderError(dir, { key: 'folder.both', params: { first: found[0]!.name, second: found[1]!.name } });
  if (found.length > 2) throw new DatasetFolderError(dir, { key: 'folder.times', params: { stem, count: found.length, files: found.map((f) => f.name).join(', ') } });
  return found[0] ?? null;
}

/**
 * The file of every kind in a dataset folder (see `datasetFileOf`). Workbooks are opened here,
 * once, to read their sheet names: `<stem>.xlsx` is read from the sheet named for its kind or,
 * failing that, its first sheet.
 */
export async function datasetFilesOf(dir: string, names: ReadonlySet<string>): Promise<ReadonlyMap<RecordKind, DatasetFile | null>> {
  const workbook = await datasetWorkbookOf(dir, names);
  const files = new Map<RecordKind, DatasetFile | null>();
  for (const kind of RECORD_KIND_NAMES) {
    const own = `${RECORD_KINDS[kind].fileStem}.xlsx`;
    let kindSheet: { name: string; fileNo: string } | null = null;
    if (names.has(own)) {
      const sheets = [...(await listWorkbookSheets(join(dir, own)))].map(([name, fileNo]) => ({ name, fileNo }));
      kindSheet = sheets.find((sheet) => kindOfSheet(sheet.name) === kind) ?? sheets[0] ?? null;
      if (kindSheet === null) throw new DatasetFolderError(dir, { key: 'folder.noSheet', params: { file: own } });
    }
    files.set(kind, datasetFileOf(dir, names, kind, workbook, kindSheet));
  }
  return files;
}

/** Where a kind may be given, for a message about a missing one. */
export function whereKindGoes(kind: RecordKind): Text {
  return { key: 'folder.whereKind', params: { stem: RECORD_KINDS[kind].fileStem, sheets: sheetNamesOf(kind).join('/') } };
}
