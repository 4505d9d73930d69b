import type { RecordKind } from '../records/schemas/record-kinds.js';
import type { AssistingUnit, County, Household, Township, Village } from '../records/records.js';
import type { RejectedRow } from '../records/parsing/rejected-row.js';

/** The kinds of record a snapshot import can remove (a county goes only with its whole dataset). */
export type RemovableKind = 'township' | 'village' | 'unit';

/**
 * Rows of one file that the last import of a county rejected, and that leave one of its villages
 * (or, with `villageId: null`, the county as a whole) incomplete. Kept with the records, so a
 * nightly run long after the import still judges the items needing them `unknown`.
 */
export interface IncompleteNote {
  readonly countyId: string;
  readonly villageId: string | null;
  /** The kind of the rejected rows (the file they come from). */
  readonly kind: RecordKind;
  /** The first rejected rows (at most `NOTE_ROWS`), with file, line, field and reason. */
  readonly rows: readonly RejectedRow[];
  /** Every rejected row of the note, listed or not. */
  readonly rowCount: number;
}

/** A household as a report names it: its id, its village and its head's name (户主姓名) when the data has one. */
export interface HouseholdName {
  readonly householdId: string;
  readonly villageId: string;
  /** Null when the record has no head's name, or an empty one. */
  readonly headName: string | null;
}

/** The name of a household record (or of the fields a store read of it): a head's name only when a non-empty string. */
export function householdName(record: { readonly householdId: string; readonly villageId: string; readonly headName?: unknown }): HouseholdName {
  const { householdId, villageId, headName } = record;
  return { householdId, villageId, headName: typeof headName === 'string' && headName.length > 0 ? headName : null };
}

/** The records of the data contract, as imported. Every write is an upsert by id. */
export interface RecordStore {
  putCounties(records: readonly County[]): Promise<void>;
  putTownships(records: readonly Township[]): Promise<void>;
  putVillages(records: readonly Village[]): Promise<void>;
  putUnits(records: readonly AssistingUnit[]): Promise<void>;
  /**
   * `unstored` may name households the store is known not to hold, in any village (the store
   * held no county before the import): a store that compares content before writing writes
   * those without reading.
   */
  putHouseholds(records: readonly Household[], unstored?: (household: Household) => boolean): Promise<void>;
  /** Deletes records of one kind by id; unknown ids are ignored. */
  deleteRecords(kind: RemovableKind, ids: readonly string[]): Promise<void>;
  /**
   * Deletes those of the households that are still stored in the village and returns their ids:
   * one the listing still showed there but that has moved to another village is kept.
   */
  removeHouseholds(villageId: string, householdIds: readonly string[]): Promise<string[]>;

  /** Replaces every incompleteness note of the county (an empty list: the county is complete). */
  replaceIncompleteNotes(countyId: string, notes: readonly IncompleteNote[]): Promise<void>;
  /** The county's notes, by village id (county-wide notes first) then kind. */
  listIncompleteNotes(countyId: string): Promise<IncompleteNote[]>;

  listCounties(): Promise<County[]>;
  getCounty(countyId: string): Promise<County | null>;
  listTownships(countyId: string): Promise<Township[]>;
  listVillages(countyId: string): Promise<Village[]>;
  getVillage(villageId: string): Promise<Village | null>;
  listUnits(countyId: string): Promise<AssistingUnit[]>;
  /** The households of one village, in one query, sorted by id. */
  listHouseholds(villageId: string): Promise<Household[]>;
  /**
   * The names of one village's households, sorted by id: what the reports show beside a
   * household, read without the rest of each record (its members, income, housing…).
   */
  listHouseholdNames(villageId: string): Promise<HouseholdName[]>;
  /**
   * Every household the village holds, by id, with its stored content hash, when the store
   * knows that list to be complete (a complete roster); null otherwise, and always null in a
   * store that keeps no content hashes.
   */
  householdHashes(villageId: string): Promise<ReadonlyMap<string, string> | null>;
  /** The ids of one village's households, sorted: what a snapshot import compares, without the records. */
  listHouseholdIds(villageId: string): Promise<string[]>;
  getHousehold(householdId: string): Promise<Household | null>;
}

/** The order notes are listed in: county-wide first, then by village id, then by kind. */
export function compareNotes(a: IncompleteNote, b: IncompleteNote): number {
  const key = (n: IncompleteNote) => [n.villageId === null ? '0' : `1${n.villageId}`, n.kind] as const;
  const [av, ak] = key(a);
  const [bv, bk] = key(b);
  return av < bv ? -1 : av > bv ? 1 : ak < bk ? -1 : ak > bk ? 1 : 0;
}
