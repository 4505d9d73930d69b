import type { AssistingUnit, County, Household, Township, Village } from '../records/records.js';

/** The kinds of record a snapshot import can remove (a county goes only with its whole dataset). */
export type RemovableKind = 'township' | 'village' | 'unit' | 'household';

/** The records of the data contract, as imported. Every write is an upsert by id. */
export interface RecordStore {
  putCounties(records: readonly County[]): Promise<void>;
  putTownships(records: readonly Township[]): Promise<void>;
  putVillages(records: readonly Village[]): Promise<void>;
  putUnits(records: readonly AssistingUnit[]): Promise<void>;
  putHouseholds(records: readonly Household[]): Promise<void>;
  /** Deletes records of one kind by id (a household leaves its village's listing); unknown ids are ignored. */
  deleteRecords(kind: RemovableKind, ids: readonly string[]): Promise<void>;

  listCounties(): Promise<County[]>;
  getCounty(countyId: string): Promise<County | null>;
  listTownships(countyId: string): Promise<Township[]>;
  listVillages(countyId: string): Promise<Village[]>;
  getVillage(villageId: string): Promise<Village | null>;
  listUnits(countyId: string): Promise<AssistingUnit[]>;
  /** The households of one village, in one query, sorted by id. */
  listHouseholds(villageId: string): Promise<Household[]>;
  getHousehold(householdId: string): Promise<Household | null>;
}
