import type { AssistingUnit, County, Household, Township, Village } from '../../records/records.js';
import { compareNotes, type HouseholdName, type IncompleteNote, type RecordStore, type RemovableKind } from '../../ports/record-store.js';
import { turnEventLoop } from './event-loop-turn.js';
import { HouseholdSpill } from './household-spill.js';
import { SpillFile } from '../file/spill-file.js';

function byId<T>(records: Iterable<T>, idOf: (r: T) => string): T[] {
  return [...records].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
}

/**
 * Records held in maps: the fast store for tests and `--store memory`. Households, a province's
 * bulk, sit in a spill file (`HouseholdSpill`) so memory stays flat however many there are.
 */
export class MemoryRecordStore implements RecordStore {
  constructor(spill = new SpillFile()) {
    this.households = new HouseholdSpill(spill);
  }

  private readonly counties = new Map<string, County>();
  private readonly townships = new Map<string, Township>();
  private readonly villages = new Map<string, Village>();
  private readonly units = new Map<string, AssistingUnit>();
  private readonly households: HouseholdSpill;
  private readonly notes = new Map<string, IncompleteNote[]>();

  async putCounties(records: readonly County[]): Promise<void> {
    for (const r of records) this.counties.set(r.countyId, r);
  }
  async putTownships(records: readonly Township[]): Promise<void> {
    for (const r of records) this.townships.set(r.townshipId, r);
  }
  async putVillages(records: readonly Village[]): Promise<void> {
    for (const r of records) this.villages.set(r.villageId, r);
  }
  async putUnits(records: readonly AssistingUnit[]): Promise<void> {
    for (const r of records) this.units.set(r.unitId, r);
  }
  async putHouseholds(records: readonly Household[]): Promise<void> {
    this.households.put(records);
  }
  async deleteRecords(kind: RemovableKind, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (kind === 'township') this.townships.delete(id);
      else if (kind === 'village') this.villages.delete(id);
      else this.units.delete(id);
    }
  }
  async removeHouseholds(villageId: string, householdIds: readonly string[]): Promise<string[]> {
    const gone = householdIds.filter((id) => this.households.get(id)?.villageId === villageId);
    for (const id of gone) this.households.remove(id);
    return gone;
  }

  async replaceIncompleteNotes(countyId: string, notes: readonly IncompleteNote[]): Promise<void> {
    if (notes.length === 0) this.notes.delete(countyId);
    else this.notes.set(countyId, [...notes].sort(compareNotes));
  }
  async listIncompleteNotes(countyId: string): Promise<IncompleteNote[]> {
    return [...(this.notes.get(countyId) ?? [])];
  }

  async listCounties(): Promise<County[]> {
    return byId(this.counties.values(), (r) => r.countyId);
  }
  async getCounty(countyId: string): Promise<County | null> {
    return this.counties.get(countyId) ?? null;
  }
  async listTownships(countyId: string): Promise<Township[]> {
    return byId([...this.townships.values()].filter((r) => r.countyId === countyId), (r) => r.townshipId);
  }
  async listVillages(countyId: string): Promise<Village[]> {
    return byId([...this.villages.values()].filter((r) => r.countyId === countyId), (r) => r.villageId);
  }
  async getVillage(villageId: string): Promise<Village | null> {
    return this.villages.get(villageId) ?? null;
  }
  async listUnits(countyId: string): Promise<AssistingUnit[]> {
    return byId([...this.units.values()].filter((r) => r.countyId === countyId), (r) => r.unitId);
  }
  /** No content hashes are kept: a store that lives for one command has no earlier run to compare with. */
  async householdHashes(): Promise<null> {
    return null;
  }
  async listHouseholds(villageId: string): Promise<Household[]> {
    await turnEventLoop();
    return byId(this.households.ofVillage(villageId), (r) => r.householdId);
  }
  /** The village's lines read back in one read (they were put together), only their names part parsed. */
  async listHouseholdNames(villageId: string): Promise<HouseholdName[]> {
    await turnEventLoop();
    return byId(this.households.namesOfVillage(villageId), (r) => r.householdId);
  }
  async listHouseholdIds(villageId: string): Promise<string[]> {
    return this.households
      .ofVillage(villageId)
      .map((r) => r.householdId)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  async getHousehold(householdId: string): Promise<Household | null> {
    return this.households.get(householdId);
  }
}
