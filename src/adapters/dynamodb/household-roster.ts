import { batchGet } from './batch-get.js';
import type { WriteRequest } from './batch-write.js';
import type { DynamoTable } from './dynamo-table.js';
import { keys } from './keys.js';
import type { Item } from './mappers.js';

/*
 * A village's household roster: one item beside the village record listing the content hash
 * of its households' items, so an import compares a village's households with one small read
 * (~70 bytes a household, 6 read units for 300) instead of one read unit per household.
 *
 * The roster is a cache that may say less, never something false: every household it lists
 * is stored in that village with that content hash. Whatever is not listed is read from the
 * household's own item, as before. So a roster may be absent (an older store, an interrupted
 * import, a village too large for one item) or name only some households; each write keeps
 * the rule (`household-puts.ts`):
 * - a listed household is rewritten or moved only after its roster is deleted;
 * - a household leaves the roster before it is deleted;
 * - a roster is written only after the households it lists are.
 * A roster is complete when it was started in a store that held no household, and stays so
 * while the writes above keep it; a snapshot's removal completes one whose ids are the
 * village's whole `gsi1` listing (`DynamoRecordStore.listHouseholdIds`).
 * Two imports of one county at once are not supported (a snapshot's removals already assume it).
 */

/**
 * A roster: household id → the content hash of its stored item. `complete` also says that the
 * village holds no household it does not list: then its listing is the roster's ids.
 */
export interface Roster {
  readonly hashes: Map<string, string>;
  complete: boolean;
}

/** Changing the encoding changes this: a roster of another layout is read as absent. */
const LAYOUT = 1;

/** Well under DynamoDB's 400 KB item limit; a village with more (~5,000 households) keeps no roster. */
export const ROSTER_LIMIT_BYTES = 350_000;

/** The roster as one string attribute: a JSON array of `[id, hash]` pairs sorted by id. */
export function encodeRoster(hashes: ReadonlyMap<string, string>): string {
  return JSON.stringify([...hashes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The roster a stored item holds; null for anything that is not exactly a roster of this layout. */
export function decodeRoster(item: Item): Roster | null {
  if (item.kind !== 'household-roster' || item.layout !== LAYOUT || typeof item.households !== 'string') return null;
  let pairs: unknown;
  try {
    pairs = JSON.parse(item.households);
  } catch {
    return null;
  }
  if (!Array.isArray(pairs)) return null;
  const hashes = new Map<string, string>();
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return null;
    hashes.set(pair[0], pair[1]);
  }
  return { hashes, complete: item.complete === true };
}

/** The write that stores `roster` for the village, or deletes it when it is empty or too large for one item. */
export function rosterWrite(villageId: string, roster: Roster): WriteRequest {
  const key = keys.householdRoster(villageId);
  const households = encodeRoster(roster.hashes);
  // An empty village needs no roster: its households are all new, or its listing is empty.
  if (roster.hashes.size === 0 || Buffer.byteLength(households) > ROSTER_LIMIT_BYTES) return { delete: key };
  return { put: { ...key, kind: 'household-roster', layout: LAYOUT, households, ...(roster.complete ? { complete: true } : {}) } };
}

/** The rosters of these villages (strongly consistent); a village without a readable roster has none in the map. */
export async function readRosters(table: DynamoTable, villageIds: Iterable<string>): Promise<Map<string, Roster>> {
  const byKey = new Map([...new Set(villageIds)].map((villageId) => [keys.householdRoster(villageId).pk, villageId]));
  const rosters = new Map<string, Roster>();
  if (byKey.size === 0) return rosters;
  const items = await batchGet(table, [...byKey.keys()].map((pk) => ({ pk, sk: keys.householdRoster('').sk })));
  for (const item of items) {
    const villageId = byKey.get(String(item.pk));
    const roster = decodeRoster(item);
    if (villageId !== undefined && roster !== null) rosters.set(villageId, roster);
  }
  return rosters;
}
