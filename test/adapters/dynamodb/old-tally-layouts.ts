import { createHash } from 'node:crypto';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import type { Item } from '../../../src/adapters/dynamodb/mappers.js';
import { canonicalJson } from '../../../src/kernel/canonical-json.js';
import type { VillageTally } from '../../../src/ports/run-store.js';

/*
 * Tally items as the layouts before the packed one wrote them, to show they are still read and
 * replaced: the tally as a DynamoDB map under `tally` (whole, or its figures with the
 * summaries in parts keyed by content hash), and the oldest, numbered chunks.
 */

const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);

function headerOf(tally: VillageTally): Item {
  return {
    ...keys.tally(tally.quarter, tally.countyId, tally.villageId),
    kind: 'tally',
    villageId: tally.villageId,
    hash: hashOf(tally),
    ...keys.tallyEntry(tally.villageId, tally.quarter),
    quarter: tally.quarter,
    countyId: tally.countyId,
  };
}

/** One item, the tally (labels and all) as a map under `tally`. */
export function mapTallyItems(tally: VillageTally): Item[] {
  return [{ ...headerOf(tally), chunks: 0, tally }];
}

/** The figures under `tally` in the header, the summaries in parts of `size` keyed by their content hash. */
export function contentHashPartItems(tally: VillageTally, size = 4): Item[] {
  const { summaries, ...figures } = tally;
  const parts: Item[] = [];
  for (let i = 0; i < summaries.length; i += size) {
    const slice = summaries.slice(i, i + size);
    const hash = hashOf(slice);
    parts.push({ ...keys.tallyPart(tally.quarter, tally.countyId, tally.villageId, hash), kind: 'tally-chunk', villageId: tally.villageId, hash, summaries: slice });
  }
  return [...parts, { ...headerOf(tally), chunks: parts.map((part) => part.hash), tally: figures }];
}

/** The oldest layout: chunks numbered under the whole tally's hash. */
export function numberedChunkItems(tally: VillageTally, count = 2): Item[] {
  const { summaries, ...figures } = tally;
  const header = { ...headerOf(tally), chunks: count, hash: 'oldhash', tally: figures };
  const size = Math.ceil(summaries.length / count);
  const chunks = Array.from({ length: count }, (_, index) => ({
    ...keys.tallyChunk(tally.quarter, tally.countyId, tally.villageId, 'oldhash', index),
    kind: 'tally-chunk',
    villageId: tally.villageId,
    hash: 'oldhash',
    index,
    summaries: summaries.slice(index * size, (index + 1) * size),
  }));
  return [...chunks, header];
}
