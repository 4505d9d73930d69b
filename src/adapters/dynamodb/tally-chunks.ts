import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { HouseholdExitSummary } from '../../standards/accountability/accountability-input.js';
import type { VillageOverviewTally } from '../../use-cases/reading/village-overview-tally.js';
import type { VillageTally } from '../../ports/run-store.js';
import { estimateItemSize, estimateValueSize } from './item-size.js';
import { keys, type TableKey } from './keys.js';
import type { Item } from './mappers.js';
import { StoreReadError, StoreWriteError } from './store-errors.js';
import { packFigures, packSummaries, unpackFigures, unpackSummaries, type PackedSummaries } from './tally-codec.js';
import { NO_TALLY_TEXTS, overviewWithLabels, overviewWithoutLabels, type StoredOverview, type TallyTexts } from './tally-labels.js';

/** Items are cut well below DynamoDB's 400 KB so the estimate's slack never matters. */
export const TALLY_ITEM_LIMIT = 350_000;

/**
 * A tally whose one item would be bigger than this is kept in parts. Packed, a household is
 * ~22 B, so the 300-household village of docs/scale.md is one item of ~8 KB: 8 WRU a rewrite,
 * whichever households changed. In parts of ~1 KB (~25 households each, ~12 parts) its 15
 * changed households of a spread night touch ~9 parts: 9 puts + 9 deletes + the header = 19
 * WRU, and a village whose every household changed 12 + 12 + 1 = 25. At 5 % of households
 * changed, spread, a change touches two thirds of any tally's parts, so parts never pay at that
 * rate; they pay when few households of a big tally change (under ~3 %), and they keep a tally
 * under the 400 KB item limit. So a tally stays one item up to 64 KB (~2,900 households, 64 WRU
 * a rewrite) and goes to parts above.
 */
export const TALLY_PARTS_FROM = 65_536;

/** A part ends after a household whose id hashes to 0 mod this: ~20 households, ~700 B with its keys. */
const PART_EVERY = 20;

/** Nor does a part grow past one write unit. */
const PART_BYTES = 1_024;

/** The layout's name goes into the content hash, so a tally stored in an older layout is rewritten by the next write. */
const LAYOUT = 'packed-1';

/** A tally as items: the header (the commit point) and, for a big tally, its parts. */
export interface TallyItems {
  /** Content hash: identical tallies have identical items. */
  readonly hash: string;
  readonly header: Item;
  /** The parts the header names, each keyed by its own content hash (no two alike). */
  readonly chunks: readonly Item[];
}

export interface TallyItemOptions {
  /** The texts of the tally's versions: the overview's labels they give are not stored. */
  readonly texts?: TallyTexts;
  readonly limitBytes?: number;
  readonly partsFrom?: number;
}

const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);

/** Boundaries chosen by household id, not position: a changed, added or removed household changes one part (or joins two). */
function endsPart(householdId: string): boolean {
  return createHash('sha256').update(String(householdId)).digest().readUInt32BE(0) % PART_EVERY === 0;
}

/**
 * Splits a tally into items. The figures are JSON text under `figures` (the overview without
 * the labels its versions give, `labels: 'versions'`), the summaries packed
 * (`tally-codec.ts`). A tally up to `partsFrom` is one item (`chunks: 0`, its summaries under
 * `packed`); a bigger one keeps its summaries in parts of a few households, each keyed by its
 * content hash, and the header lists the parts' hashes in order. A rewrite puts only the parts
 * the old header does not name, then the header (which switches readers over at once, no
 * transactions needed), then deletes the parts only the old header named.
 */
export function tallyToItems(tally: VillageTally, options: TallyItemOptions = {}): TallyItems {
  const { texts = NO_TALLY_TEXTS, limitBytes = TALLY_ITEM_LIMIT, partsFrom = TALLY_PARTS_FROM } = options;
  const hash = hashOf({ layout: LAYOUT, tally });
  const base = { ...keys.tally(tally.quarter, tally.countyId, tally.villageId), kind: 'tally', villageId: tally.villageId, hash };
  const stripped = tally.overview === undefined ? null : overviewWithoutLabels(tally.overview, texts);
  // `quarter`, `countyId` and `chunks` (which `gsi1` copies) let a removal find the parts; the tally itself is not copied.
  const header = {
    ...base,
    ...keys.tallyEntry(tally.villageId, tally.quarter),
    quarter: tally.quarter,
    countyId: tally.countyId,
    figures: packFigures(tally, stripped ?? tally.overview),
    ...(stripped ? { labels: 'versions' } : {}),
  };
  const packed = packSummaries(tally.villageId, tally.summaries);
  const whole: Item = { ...header, chunks: 0, packed };
  if (estimateItemSize(whole) <= Math.min(limitBytes, partsFrom)) return { hash, header: whole, chunks: [] };

  const partOf = (slice: readonly HouseholdExitSummary[]): Item => {
    const part = packSummaries(tally.villageId, slice);
    const partHash = hashOf(part);
    return { ...keys.tallyPart(tally.quarter, tally.countyId, tally.villageId, partHash), kind: 'tally-chunk', villageId: tally.villageId, hash: partHash, packed: part };
  };
  // Each part carries its own item-id lists: at most the whole tally's.
  const overhead = estimateItemSize(partOf([])) + estimateValueSize(packed.k);
  const budget = limitBytes - overhead;
  // A part is also cut before it passes one write unit (1 KB): DynamoDB rounds each item up.
  const unit = Math.min(budget, PART_BYTES - overhead);
  const lines = packed.s.split('\n');
  const slices: HouseholdExitSummary[][] = [[]];
  let used = 0;
  tally.summaries.forEach((summary, index) => {
    const size = 1 + Buffer.byteLength(lines[index]!);
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
  });
  const parts = slices.filter((slice) => slice.length > 0).map(partOf);
  const named = parts.map((part) => String(part.hash));
  const top: Item = { ...header, chunks: named };
  if (estimateItemSize(top) > limitBytes) throw new StoreWriteError(1, `the tally of village ${tally.villageId} has too many parts for its header`);
  const unique = [...new Map(parts.map((part) => [String(part.hash), part])).values()];
  return { hash, header: top, chunks: unique };
}

/** The keys of the parts or chunks a header names (`chunks`: a list of part hashes, or the count of an older layout's numbered chunks). */
export function tallyChunkKeys(header: Item, quarter: string, countyId: string, villageId: string): TableKey[] {
  if (Array.isArray(header.chunks)) return [...new Set(header.chunks.map(String))].map((part) => keys.tallyPart(quarter, countyId, villageId, part));
  return Array.from({ length: Number(header.chunks ?? 0) }, (_, i) => keys.tallyChunk(quarter, countyId, villageId, String(header.hash), i));
}

/** The versions and quarter whose texts a header's overview labels come from, or null when it keeps its labels. */
export function tallyLabelSource(header: Item): Pick<VillageTally, 'versions' | 'quarter'> | null {
  if (header.labels !== 'versions' || typeof header.figures !== 'string') return null;
  const { versions, quarter } = unpackFigures(header.figures);
  return { versions, quarter };
}

/** A part's summaries: packed, or (parts written before the packing) as a list of maps. */
const partSummaries = (part: Item, villageId: string) => (part.packed !== undefined ? unpackSummaries(villageId, part.packed as PackedSummaries) : (part.summaries as HouseholdExitSummary[]));

/**
 * The tally of a header and the chunk items found next to it, the overview's labels from
 * `texts` when the header left them to its versions. Items the header does not name (left by
 * an older or an interrupted write) are ignored; a missing one is an error, never a short tally.
 */
export function tallyFromItems(header: Item, chunkItems: readonly Item[], texts: TallyTexts = NO_TALLY_TEXTS): VillageTally {
  const villageId = String(header.villageId);
  const missing = (own: number, of: number) => new StoreReadError(`the tally of village ${villageId} has ${own} of its ${of} chunks`);
  let summaries: HouseholdExitSummary[] | undefined;
  if (Array.isArray(header.chunks)) {
    const parts = new Map(chunkItems.filter((c) => c.index === undefined).map((c) => [String(c.hash), c]));
    const named = header.chunks.map(String);
    const found = named.filter((part) => parts.has(part));
    if (found.length !== named.length) throw missing(found.length, named.length);
    summaries = named.flatMap((part) => partSummaries(parts.get(part)!, villageId));
  } else if (Number(header.chunks ?? 0) > 0) {
    // The oldest layout: chunks numbered under the whole tally's hash.
    const count = Number(header.chunks);
    const own = chunkItems.filter((c) => c.hash === header.hash).sort((a, b) => Number(a.index) - Number(b.index));
    if (own.length !== count || own.some((c, i) => c.index !== i)) throw missing(own.length, count);
    summaries = own.flatMap((c) => c.summaries as HouseholdExitSummary[]);
  } else if (header.packed !== undefined) {
    summaries = unpackSummaries(villageId, header.packed as PackedSummaries);
  }
  if (typeof header.figures !== 'string') {
    // Layouts before the packing: the tally (or its figures, when in chunks) as a map under `tally`, or earlier `data`.
    const figures = (header.tally ?? header.data) as VillageTally;
    return summaries === undefined ? figures : { ...figures, summaries };
  }
  const figures = unpackFigures(header.figures);
  if (summaries === undefined) throw new StoreReadError(`the tally of village ${villageId} has no household summaries`);
  figures.summaries = summaries;
  if (header.labels === 'versions' && figures.overview !== undefined) {
    (figures as { overview: VillageOverviewTally }).overview = overviewWithLabels(figures.overview as unknown as StoredOverview, texts);
  }
  return figures as VillageTally;
}
