import { RECORD_KINDS, RECORD_KIND_NAMES, type RecordKind } from './record-kinds.js';

/** The zh name of each record kind: the sheet a county's workbook keeps it on. */
export const RECORD_KIND_ZH: Readonly<Record<RecordKind, string>> = {
  counties: '县',
  townships: '乡镇',
  units: '帮扶单位',
  villages: '村',
  households: '农户',
  cardHistory: '考核记录',
};

/** The sheet names a kind may be kept on: its file stem (`households`) or its zh name (`农户`). */
export function sheetNamesOf(kind: RecordKind): readonly string[] {
  return [RECORD_KINDS[kind].fileStem, RECORD_KIND_ZH[kind]];
}

/**
 * A sheet name as compared: an English one is found whatever its case and its spaces, dashes
 * or underscores (`Households`, `Card history`, `card_history`), as a clerk types it.
 */
const comparable = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

/** The kind a sheet holds by its name, or `null` for another sheet (notes, a dictionary). */
export function kindOfSheet(sheet: string): RecordKind | null {
  const name = comparable(sheet);
  return RECORD_KIND_NAMES.find((kind) => sheetNamesOf(kind).some((known) => comparable(known) === name)) ?? null;
}
