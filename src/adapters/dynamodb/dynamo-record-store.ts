import { hash } from 'node:crypto';
import { shapedCanonicalWriter } from '../../kernel/canonical-json.js';
import { compareNotes, householdName, type HouseholdName, type IncompleteNote, type RecordStore, type RemovableKind } from '../../ports/record-store.js';
import type { AssistingUnit, County, Household, Township, Village } from '../../records/records.js';
import { batchGet } from './batch-get.js';
import { batchWrite } from './batch-write.js';
import { getItem, type DynamoTable } from './dynamo-table.js';
import { putHouseholdItems, removeHouseholdItems, type HouseholdPut } from './household-puts.js';
import { readRosters, rosterWrite } from './household-roster.js';
import { compareText } from '../../kernel/text.js';
import { keys, unpart, type QueryTarget, type TableKey } from './keys.js';
import { countyItem, dataOf, householdItem, incompleteNoteItem, townshipItem, unitItem, villageItem, type Item, type ItemKind } from './mappers.js';
import { queryAll } from './query-all.js';

/** The attribute holding a digest of the rest of a record's item. */
const CONTENT_HASH = 'contentHash';
/** The fields of a household item's record that name it in a report. */
const NAME_PATHS = [
  ['data', 'householdId'],
  ['data', 'villageId'],
  ['data', 'headName'],
] as const;

/**
 * Records in the single table: each record in its own item (an upsert by id never duplicates it,
 * and a household that changes village just moves in `gsi1`), listed through `gsi1` by county
 * or, for households, by village.
 */
export class DynamoRecordStore implements RecordStore {
  /** Record items of a kind share their fields: one fitted canonical writer for all of them. */
  private readonly canonical = shapedCanonicalWriter();

  constructor(private readonly table: DynamoTable) {}

  putCounties(records: readonly County[]): Promise<void> {
    return this.put(records.map(countyItem));
  }
  putTownships(records: readonly Township[]): Promise<void> {
    return this.put(records.map(townshipItem));
  }
  putVillages(records: readonly Village[]): Promise<void> {
    return this.put(records.map(villageItem));
  }
  putUnits(records: readonly AssistingUnit[]): Promise<void> {
    return this.put(records.map(unitItem));
  }
  /** Households compare with their village's roster first (`household-puts.ts`); the last of two records with one id wins. */
  putHouseholds(records: readonly Household[], unstored?: (household: Household) => boolean): Promise<void> {
    const latest = new Map<string, HouseholdPut>();
    for (const record of records) {
      const item = householdItem(record);
      const contentHash = this.contentHash(item);
      latest.delete(record.householdId);
      latest.set(record.householdId, { householdId: record.householdId, villageId: record.villageId, item: { ...item, [CONTENT_HASH]: contentHash }, contentHash, blind: unstored?.(record) ?? false });
    }
    return putHouseholdItems(this.table, [...latest.values()]);
  }
  removeHouseholds(villageId: string, householdIds: readonly string[]): Promise<string[]> {
    return removeHouseholdItems(this.table, villageId, householdIds);
  }
  /** Records are keyed by their id alone, so a delete needs no read; the `gsi1` entry goes with the item, a village's roster with the village. */
  deleteRecords(kind: RemovableKind, ids: readonly string[]): Promise<void> {
    if (kind === 'village') return batchWrite(this.table, ids.flatMap((id) => [{ delete: keys.householdRoster(id) }, { delete: keys.village(id) }]));
    const keyOf = { township: keys.township, unit: keys.unit }[kind];
    return batchWrite(this.table, ids.map((id) => ({ delete: keyOf(id) })));
  }

  /** The new notes are written first, then the county's other notes deleted: one partition per county. */
  async replaceIncompleteNotes(countyId: string, notes: readonly IncompleteNote[]): Promise<void> {
    const items = notes.map(incompleteNoteItem);
    const kept = new Set(items.map((item) => String(item.sk)));
    const stale = await queryAll(this.table, keys.countyIncompleteNotes(countyId), { consistent: true, attributes: ['pk', 'sk'] });
    await batchWrite(this.table, items.map((put) => ({ put })));
    await batchWrite(this.table, stale.filter((item) => !kept.has(String(item.sk))).map((item) => ({ delete: { pk: String(item.pk), sk: String(item.sk) } })));
  }
  async listIncompleteNotes(countyId: string): Promise<IncompleteNote[]> {
    const items = await queryAll(this.table, keys.countyIncompleteNotes(countyId), { consistent: true });
    return items.map((item) => dataOf<IncompleteNote>(item, 'incomplete-note')).sort(compareNotes);
  }

  listCounties(): Promise<County[]> {
    return this.list(keys.counties(), 'county', (r: County) => r.countyId);
  }
  getCounty(countyId: string): Promise<County | null> {
    return this.get(keys.county(countyId), 'county');
  }
  listTownships(countyId: string): Promise<Township[]> {
    return this.list(keys.countyTownships(countyId), 'township', (r: Township) => r.townshipId);
  }
  listVillages(countyId: string): Promise<Village[]> {
    return this.list(keys.countyVillages(countyId), 'village', (r: Village) => r.villageId);
  }
  getVillage(villageId: string): Promise<Village | null> {
    return this.get(keys.village(villageId), 'village');
  }
  listUnits(countyId: string): Promise<AssistingUnit[]> {
    return this.list(keys.countyUnits(countyId), 'unit', (r: AssistingUnit) => r.unitId);
  }
  listHouseholds(villageId: string): Promise<Household[]> {
    return this.list(keys.villageHouseholds(villageId), 'household', (r: Household) => r.householdId);
  }
  /**
   * The village's `gsi1` listing projected to the three fields under `data` (and `kind`, to check
   * what was read): the records' members and the rest are never sent. Eventually consistent, as
   * `listHouseholds` is.
   */
  async listHouseholdNames(villageId: string): Promise<HouseholdName[]> {
    const items = await queryAll(this.table, keys.villageHouseholds(villageId), { attributes: ['kind'], paths: NAME_PATHS });
    return items.map((item) => householdName(dataOf<Household>(item, 'household'))).sort((a, b) => compareText(a.householdId, b.householdId));
  }
  /**
   * The ids of a complete roster (one strongly consistent read); otherwise the village's `gsi1`
   * listing projected to its sort key (the escaped household id), no record sent. A roster that
   * lists exactly those ids is then marked complete: every household it lists is stored in the
   * village, and one the listing shows that it lacked would have told them apart.
   */
  async listHouseholdIds(villageId: string): Promise<string[]> {
    const roster = (await readRosters(this.table, [villageId])).get(villageId);
    if (roster?.complete) return [...roster.hashes.keys()].sort(compareText);
    const entries = await queryAll(this.table, keys.villageHouseholds(villageId), { attributes: ['gsi1sk'] });
    const ids = entries.map((entry) => unpart(String(entry.gsi1sk))).sort(compareText);
    if (roster && roster.hashes.size === ids.length && ids.every((id) => roster.hashes.has(id))) {
      await batchWrite(this.table, [rosterWrite(villageId, { hashes: roster.hashes, complete: true })]);
    }
    return ids;
  }
  /** A complete roster's hashes (one strongly consistent read); null for an incomplete roster or none. */
  async householdHashes(villageId: string): Promise<ReadonlyMap<string, string> | null> {
    const roster = (await readRosters(this.table, [villageId])).get(villageId);
    return roster?.complete ? roster.hashes : null;
  }
  getHousehold(householdId: string): Promise<Household | null> {
    return this.get(keys.household(householdId), 'household');
  }

  /**
   * Upserts, skipping every record whose stored item already holds the same content: each
   * item carries a SHA-256 of its canonical JSON (keys and record), read back in one BatchGet
   * per 100 records, so re-importing an unchanged dataset reads instead of rewriting. The
   * last of two records with one id wins, as upserts in order would leave it.
   */
  private async put(items: Item[]): Promise<void> {
    const last = new Map<string, Item>();
    for (const item of items) {
      const key = `${String(item.pk)}\u0000${String(item.sk)}`;
      last.delete(key);
      last.set(key, { ...item, [CONTENT_HASH]: this.contentHash(item) });
    }
    const toRead = [...last.values()].map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
    const stored = new Map(
      (toRead.length === 0 ? [] : await batchGet(this.table, toRead, ['pk', 'sk', CONTENT_HASH])).map((item) => [`${String(item.pk)}\u0000${String(item.sk)}`, item[CONTENT_HASH]]),
    );
    const changed = [...last.entries()].filter(([key, item]) => stored.get(key) !== item[CONTENT_HASH]).map(([, item]) => item);
    if (changed.length > 0) await batchWrite(this.table, changed.map((item) => ({ put: item })));
  }
  private contentHash(item: Item): string {
    return hash('sha256', this.canonical(item), 'base64');
  }
  private async get<T>(key: TableKey, kind: ItemKind): Promise<T | null> {
    const item = await getItem(this.table, key);
    return item ? dataOf<T>(item, kind) : null;
  }
  private async list<T>(target: QueryTarget, kind: ItemKind, idOf: (r: T) => string): Promise<T[]> {
    const records = (await queryAll(this.table, target)).map((item) => dataOf<T>(item, kind));
    return records.sort((a, b) => compareText(idOf(a), idOf(b)));
  }
}
