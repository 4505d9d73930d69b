import type { z } from 'zod';
import { HouseholdSchema } from './household-schema.js';
import { CountySchema, TownshipSchema, VillageSchema } from './place-schemas.js';
import { AssistingUnitSchema, CardHistoryEntrySchema } from './unit-schemas.js';

/**
 * The kinds of record in a dataset folder: the file each lives in (`<fileStem>.jsonl` or
 * `.csv`), its schema, the field naming a row, and whether a dataset must have it.
 * Listed in the order the reference checks need (a kind only refers to kinds above it).
 */
export const RECORD_KINDS = {
  counties: { fileStem: 'counties', schema: CountySchema, idField: 'countyId', required: true },
  townships: { fileStem: 'townships', schema: TownshipSchema, idField: 'townshipId', required: true },
  units: { fileStem: 'units', schema: AssistingUnitSchema, idField: 'unitId', required: false },
  villages: { fileStem: 'villages', schema: VillageSchema, idField: 'villageId', required: true },
  households: { fileStem: 'households', schema: HouseholdSchema, idField: 'householdId', required: true },
  cardHistory: { fileStem: 'card-history', schema: CardHistoryEntrySchema, idField: 'unitId', required: false },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;

/** The parsed record type of a kind (`RecordOf<'households'>` is `Household`). */
export type RecordOf<K extends RecordKind> = z.output<(typeof RECORD_KINDS)[K]['schema']>;

export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];

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
