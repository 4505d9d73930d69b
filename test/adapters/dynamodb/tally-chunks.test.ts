import { describe, expect, it } from 'vitest';
import { estimateItemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { StoreReadError } from '../../../src/adapters/dynamodb/store-errors.js';
import { TALLY_ITEM_LIMIT, tallyFromItems, tallyToItems } from '../../../src/adapters/dynamodb/tally-chunks.js';
import { tally } from './builders.js';
import { contentHashPartItems, mapTallyItems, numberedChunkItems } from './old-tally-layouts.js';

const split = (items: ReturnType<typeof mapTallyItems>) => ({ header: items.find((i) => i.kind === 'tally')!, chunks: items.filter((i) => i.kind !== 'tally') });

describe('tally items', () => {
  it('keep a small tally in one item', () => {
    const small = tally({ households: 20 });
    const { header, chunks } = tallyToItems(small);
    expect(chunks).toEqual([]);
    expect(tallyFromItems(header, [])).toEqual(small);
  });

  it('keep a 300-household tally in one item of a few kilobytes, a few bytes a household', () => {
    const { header, chunks } = tallyToItems(tally({ households: 300 }));
    expect(chunks).toEqual([]);
    expect(estimateItemSize(header)).toBeLessThan(300 * 40);
  });

  it('split a 5,000-household tally into chunks under the item limit and reassemble it in order', () => {
    const big = tally({ households: 5_000 });
    const { header, chunks } = tallyToItems(big);
    expect(chunks.length).toBeGreaterThan(1);
    for (const item of [header, ...chunks]) expect(estimateItemSize(item)).toBeLessThanOrEqual(TALLY_ITEM_LIMIT);
    expect(tallyFromItems(header, [...chunks].reverse())).toEqual(big);
  });

  it('give the same hash to the same tally and another to a changed one', () => {
    expect(tallyToItems(tally({ households: 5 })).hash).toBe(tallyToItems(tally({ households: 5 })).hash);
    expect(tallyToItems(tally({ households: 5 })).hash).not.toBe(tallyToItems(tally({ households: 6 })).hash);
  });

  it('give a tally another hash than the layouts before the packing gave it, so the next write replaces their items', () => {
    const t = tally({ households: 5 });
    expect(tallyToItems(t).hash).not.toBe(mapTallyItems(t)[0]!.hash);
  });

  it("ignore chunks left by another tally's write", () => {
    const old = tallyToItems(tally({ households: 5_000 }), { limitBytes: 100_000 });
    const current = tallyToItems(tally({ households: 4_000 }), { limitBytes: 100_000 });
    expect(tallyFromItems(current.header, [...old.chunks, ...current.chunks])).toEqual(tally({ households: 4_000 }));
  });

  it('refuse to read a tally with a chunk missing rather than return it short', () => {
    const { header, chunks } = tallyToItems(tally({ households: 5_000 }), { limitBytes: 100_000 });
    expect(() => tallyFromItems(header, chunks.slice(1))).toThrow(StoreReadError);
  });

  it('read the items of the layouts before the packing: a map, parts of maps, numbered chunks', () => {
    const t = tally({ households: 30 });
    for (const items of [mapTallyItems(t), contentHashPartItems(t), numberedChunkItems(t)]) {
      const { header, chunks } = split(items);
      // Those layouts kept no key order (a DynamoDB map promises none): their tallies read back equal, as before.
      expect(tallyFromItems(header, chunks)).toEqual(t);
    }
  });
});
