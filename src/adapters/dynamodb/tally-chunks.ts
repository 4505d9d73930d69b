import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { HouseholdExitSummary } from '../../standards/accountability/accountability-input.js';
import type { VillageTally } from '../../ports/run-store.js';
import { estimateItemSize, estimateValueSize } from './item-size.js';
import { keys } from './keys.js';
import type { Item } from './mappers.js';
import { StoreReadError, StoreWriteError } from './store-errors.js';

/** Items are cut well below DynamoDB's 400 KB so the estimate's slack never matters. */
export const TALLY_ITEM_LIMIT = 350_000;

/** A tally as items: the header (the commit point) and, for a big tally, its numbered chunks. */
export interface TallyItems {
  /** Content hash: identical tallies have identical items, and a header names the chunks it owns. */
  readonly hash: string;
  readonly header: Item;
  readonly chunks: readonly Item[];
}

/**
 * Splits a tally into items. A tally that fits is one item (`chunks: 0`); a bigger one (one
 * summary per household) keeps its figures in the header and its summaries in numbered chunks
 * whose keys carry the content hash, so a new tally's chunks never overwrite the old one's: the
 * header, written last, switches readers over at once (no transactions needed).
 */
export function tallyToItems(tally: VillageTally, limitBytes = TALLY_ITEM_LIMIT): TallyItems {
  const hash = createHash('sha256').update(canonicalJson(tally)).digest('hex').slice(0, 16);
  const base = { ...keys.tally(tally.quarter, tally.countyId, tally.villageId), kind: 'tally', villageId: tally.villageId, hash };
  // The tally goes under `tally`, which `gsi1` does not copy; `quarter` and `countyId` (which it does) let a removal find the chunks.
  const header = { ...base, ...keys.tallyEntry(tally.villageId, tally.quarter), quarter: tally.quarter, countyId: tally.countyId };
  const whole: Item = { ...header, chunks: 0, tally };
  if (estimateItemSize(whole) <= limitBytes) return { hash, header: whole, chunks: [] };

  const { summaries, ...figures } = tally;
  const chunkOf = (index: number, slice: readonly HouseholdExitSummary[]): Item => ({
    ...keys.tallyChunk(tally.quarter, tally.countyId, tally.villageId, hash, index),
    kind: 'tally-chunk',
    villageId: tally.villageId,
    hash,
    index,
    summaries: slice,
  });
  const budget = limitBytes - estimateItemSize(chunkOf(9999, []));
  const slices: HouseholdExitSummary[][] = [[]];
  let used = 0;
  for (const summary of summaries) {
    const size = 1 + estimateValueSize(summary);
    if (size > budget) throw new StoreWriteError(1, `the tally of village ${tally.villageId} has a household summary too big for one item`);
    if (used + size > budget) {
      slices.push([]);
      used = 0;
    }
    slices[slices.length - 1]!.push(summary);
    used += size;
  }
  const chunks = slices.map((slice, index) => chunkOf(index, slice));
  return { hash, header: { ...header, chunks: chunks.length, tally: figures }, chunks };
}

/**
 * The tally of a header and the chunk items found next to it. Chunks of other hashes (left by
 * an older or an interrupted write) are ignored; a missing chunk is an error, never a short tally.
 */
export function tallyFromItems(header: Item, chunkItems: readonly Item[]): VillageTally {
  // Headers written before the tally moved to `tally` hold it under `data`.
  const figures = (header.tally ?? header.data) as Omit<VillageTally, 'summaries'> & { summaries?: HouseholdExitSummary[] };
  const count = Number(header.chunks ?? 0);
  if (count === 0) return figures as VillageTally;
  const own = chunkItems.filter((c) => c.hash === header.hash).sort((a, b) => Number(a.index) - Number(b.index));
  if (own.length !== count || own.some((c, i) => c.index !== i)) {
    throw new StoreReadError(`the tally of village ${String(header.villageId)} has ${own.length} of its ${count} chunks`);
  }
  return { ...figures, summaries: own.flatMap((c) => c.summaries as HouseholdExitSummary[]) };
}
