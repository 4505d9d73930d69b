import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { HouseholdExitSummary } from '../../standards/accountability/accountability-input.js';
import type { VillageTally } from '../../ports/run-store.js';
import { estimateItemSize, estimateValueSize } from './item-size.js';
import { keys, type TableKey } from './keys.js';
import type { Item } from './mappers.js';
import { StoreReadError, StoreWriteError } from './store-errors.js';

/** Items are cut well below DynamoDB's 400 KB so the estimate's slack never matters. */
export const TALLY_ITEM_LIMIT = 350_000;

/**
 * A tally whose one item would be bigger than this is kept in parts: a rewrite then writes
 * only the parts that changed, where one item would be rewritten whole (66 WRU for 300
 * households). A smaller tally costs at most 8 WRU whole and stays one item.
 */
export const TALLY_PARTS_FROM = 8_192;

/** A part ends after a household whose id hashes to 0 mod this: ~4 summaries, ~1 KB, a part. */
const PART_EVERY = 4;

/** Nor does a part grow past one write unit. */
const PART_BYTES = 1_024;

/** A tally as items: the header (the commit point) and, for a big tally, its parts. */
export interface TallyItems {
  /** Content hash: identical tallies have identical items. */
  readonly hash: string;
  readonly header: Item;
  /** The parts the header names, each keyed by its own content hash (no two alike). */
  readonly chunks: readonly Item[];
}

const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);

/** Boundaries chosen by household id, not position: a changed, added or removed household changes one part (or joins two). */
function endsPart(householdId: string): boolean {
  return createHash('sha256').update(householdId).digest().readUInt32BE(0) % PART_EVERY === 0;
}

/**
 * Splits a tally into items. A small tally is one item (`chunks: 0`); a bigger one keeps its
 * figures in the header and its summaries in parts of a few households, each keyed by its
 * content hash, and the header lists the parts' hashes in order. A rewrite puts only the parts
 * the old header does not name, then the header (which switches readers over at once, no
 * transactions needed), then deletes the parts only the old header named.
 */
export function tallyToItems(tally: VillageTally, limitBytes = TALLY_ITEM_LIMIT, partsFrom = TALLY_PARTS_FROM): TallyItems {
  const hash = hashOf(tally);
  const base = { ...keys.tally(tally.quarter, tally.countyId, tally.villageId), kind: 'tally', villageId: tally.villageId, hash };
  // The tally goes under `tally`, which `gsi1` does not copy; `quarter`, `countyId` and `chunks` (which it does) let a removal find the parts.
  const header = { ...base, ...keys.tallyEntry(tally.villageId, tally.quarter), quarter: tally.quarter, countyId: tally.countyId };
  const whole: Item = { ...header, chunks: 0, tally };
  if (estimateItemSize(whole) <= Math.min(limitBytes, partsFrom)) return { hash, header: whole, chunks: [] };

  const { summaries, ...figures } = tally;
  const partOf = (slice: readonly HouseholdExitSummary[]): Item => {
    const partHash = hashOf(slice);
    return { ...keys.tallyPart(tally.quarter, tally.countyId, tally.villageId, partHash), kind: 'tally-chunk', villageId: tally.villageId, hash: partHash, summaries: slice };
  };
  const overhead = estimateItemSize(partOf([]));
  const budget = limitBytes - overhead;
  // A part is also cut before it passes one write unit (1 KB): DynamoDB rounds each item up.
  const unit = Math.min(budget, PART_BYTES - overhead);
  const slices: HouseholdExitSummary[][] = [[]];
  let used = 0;
  for (const summary of summaries) {
    const size = 1 + estimateValueSize(summary);
    if (size > budget) throw new StoreWriteError(1, `the tally of village ${tally.villageId} has a household summary too big for one item`);
    if (used > 0 && used + size > unit) {
      slices.push([]);
      used = 0;
    }
    slices[slices.length - 1]!.push(summary);
    used += size;
    if (endsPart(summary.householdId)) {
      slices.push([]);
      used = 0;
    }
  }
  const parts = slices.filter((slice) => slice.length > 0).map(partOf);
  const named = parts.map((part) => String(part.hash));
  const top: Item = { ...header, chunks: named, tally: figures };
  if (estimateItemSize(top) > limitBytes) throw new StoreWriteError(1, `the tally of village ${tally.villageId} has too many parts for its header`);
  const unique = [...new Map(parts.map((part) => [String(part.hash), part])).values()];
  return { hash, header: top, chunks: unique };
}

/** The keys of the parts or chunks a header names (`chunks`: a list of part hashes, or the count of an older layout's numbered chunks). */
export function tallyChunkKeys(header: Item, quarter: string, countyId: string, villageId: string): TableKey[] {
  if (Array.isArray(header.chunks)) return [...new Set(header.chunks.map(String))].map((part) => keys.tallyPart(quarter, countyId, villageId, part));
  return Array.from({ length: Number(header.chunks ?? 0) }, (_, i) => keys.tallyChunk(quarter, countyId, villageId, String(header.hash), i));
}

/**
 * The tally of a header and the chunk items found next to it. Items the header does not name
 * (left by an older or an interrupted write) are ignored; a missing one is an error, never a
 * short tally.
 */
export function tallyFromItems(header: Item, chunkItems: readonly Item[]): VillageTally {
  // Headers written before the tally moved to `tally` hold it under `data`.
  const figures = (header.tally ?? header.data) as Omit<VillageTally, 'summaries'> & { summaries?: HouseholdExitSummary[] };
  const missing = (own: number, of: number) => new StoreReadError(`the tally of village ${String(header.villageId)} has ${own} of its ${of} chunks`);
  if (Array.isArray(header.chunks)) {
    const parts = new Map(chunkItems.filter((c) => c.index === undefined).map((c) => [String(c.hash), c]));
    const named = header.chunks.map(String);
    const found = named.filter((part) => parts.has(part));
    if (found.length !== named.length) throw missing(found.length, named.length);
    return { ...figures, summaries: named.flatMap((part) => parts.get(part)!.summaries as HouseholdExitSummary[]) };
  }
  const count = Number(header.chunks ?? 0);
  if (count === 0) return figures as VillageTally;
  // The older layout: chunks numbered under the whole tally's hash.
  const own = chunkItems.filter((c) => c.hash === header.hash).sort((a, b) => Number(a.index) - Number(b.index));
  if (own.length !== count || own.some((c, i) => c.index !== i)) throw missing(own.length, count);
  return { ...figures, summaries: own.flatMap((c) => c.summaries as HouseholdExitSummary[]) };
}
