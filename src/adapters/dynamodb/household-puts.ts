import { batchGet } from './batch-get.js';
import { batchWrite, type WriteRequest } from './batch-write.js';
import type { DynamoTable } from './dynamo-table.js';
import { readRosters, rosterWrite, type Roster } from './household-roster.js';
import { keys } from './keys.js';
import type { Item } from './mappers.js';

/** A household item to upsert, with its content hash. */
export interface HouseholdPut {
  readonly householdId: string;
  readonly villageId: string;
  /** The item, `contentHash` included. */
  readonly item: Item;
  readonly contentHash: string;
  /** The store is known to hold no household at all: written without reading anything of it. */
  readonly blind: boolean;
}

/**
 * Upserts households (one id once each), writing only those whose stored item differs.
 * A household its village's roster lists with the same hash is unchanged without any read;
 * one the roster does not list is compared with its own item's hash (one BatchGet for all of
 * them). The rosters are then brought up to date, in the order `household-roster.ts` sets out:
 * a roster that lists a household about to be rewritten or moved away is deleted first, the
 * households are written, and the rosters of the villages written to are put last.
 */
export async function putHouseholdItems(table: DynamoTable, puts: readonly HouseholdPut[]): Promise<void> {
  const rosters = await readRosters(table, puts.map((put) => put.villageId));
  const changed: HouseholdPut[] = [];
  const unlisted: HouseholdPut[] = [];
  // Rosters that list a household this write changes: deleted before any household is written.
  const stale = new Set<string>();
  for (const put of puts) {
    const listed = rosters.get(put.villageId)?.hashes.get(put.householdId);
    if (listed === put.contentHash) continue;
    if (listed !== undefined) {
      stale.add(put.villageId);
      changed.push(put);
    } else if (put.blind) changed.push(put);
    else unlisted.push(put);
  }
  if (unlisted.length > 0) {
    const stored = new Map((await batchGet(table, unlisted.map((put) => keys.household(put.householdId)), ['pk', 'gsi1pk', 'contentHash'])).map((item) => [String(item.pk), item]));
    for (const put of unlisted) {
      const item = stored.get(keys.household(put.householdId).pk);
      // The hash covers the keys, so the same hash is the same village too.
      if (item?.contentHash === put.contentHash) continue;
      changed.push(put);
      const from = typeof item?.gsi1pk === 'string' ? keys.villageOfHouseholdEntry(item.gsi1pk) : null;
      if (from !== null && from !== put.villageId) {
        // The household moves away from a village whose roster may list it.
        stale.add(from);
        rosters.get(from)?.hashes.delete(put.householdId);
      }
    }
  }
  if (stale.size > 0) await batchWrite(table, [...stale].map((villageId) => ({ delete: keys.householdRoster(villageId) })));
  if (changed.length > 0) await batchWrite(table, changed.map((put) => ({ put: put.item })));
  await batchWrite(table, rosterUpdates(puts, rosters, stale));
}

/** The rosters of the villages written to, listing every household now stored as put; unchanged rosters are not rewritten. */
function rosterUpdates(puts: readonly HouseholdPut[], rosters: Map<string, Roster>, stale: ReadonlySet<string>): WriteRequest[] {
  const touched = new Set<string>();
  for (const put of puts) {
    let roster = rosters.get(put.villageId);
    // A roster started in a store that holds no household lists its village whole.
    if (!roster) rosters.set(put.villageId, (roster = { hashes: new Map(), complete: puts.every((p) => p.villageId !== put.villageId || p.blind) }));
    if (roster.hashes.get(put.householdId) !== put.contentHash) {
      roster.hashes.set(put.householdId, put.contentHash);
      touched.add(put.villageId);
    }
  }
  // A stale roster of a village written to is put back whole; one the households only left stays deleted.
  for (const villageId of stale) if (puts.some((put) => put.villageId === villageId)) touched.add(villageId);
  return [...touched].map((villageId) => rosterWrite(villageId, rosters.get(villageId)!));
}

/**
 * Deletes the households of `ids` that are still stored in `villageId`, after taking them off
 * its roster, and returns those ids. The village's listing came from `gsi1`, which can lag: a
 * household the same import has just moved to another village is read again (strongly) and kept.
 */
export async function removeHouseholdItems(table: DynamoTable, villageId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const stored = new Map((await batchGet(table, ids.map(keys.household), ['pk', 'gsi1pk'])).map((item) => [String(item.pk), item.gsi1pk]));
  const gone = ids.filter((id) => stored.get(keys.household(id).pk) === keys.householdEntry(villageId, id).gsi1pk);
  if (gone.length === 0) return [];
  const roster = (await readRosters(table, [villageId])).get(villageId);
  if (roster && gone.some((id) => roster.hashes.has(id))) {
    for (const id of gone) roster.hashes.delete(id);
    await batchWrite(table, [rosterWrite(villageId, roster)]);
  }
  await batchWrite(table, gone.map((id) => ({ delete: keys.household(id) })));
  return gone;
}
