import { describe, expect, it } from 'vitest';
import { estimateItemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { StoreReadError } from '../../../src/adapters/dynamodb/store-errors.js';
import { TALLY_ITEM_LIMIT, tallyFromItems, tallyToItems } from '../../../src/adapters/dynamodb/tally-chunks.js';
import { tally } from './builders.js';

describe('tally items', () => {
  it('keep a small tally in one item', () => {
    const small = tally({ households: 20 });
    const { header, chunks } = tallyToItems(small);
    expect(chunks).toEqual([]);
    expect(tallyFromItems(header, [])).toEqual(small);
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

  it("ignore chunks left by another tally's write", () => {
    const old = tallyToItems(tally({ households: 5_000 }), 100_000);
    const current = tallyToItems(tally({ households: 4_000 }), 100_000);
    expect(tallyFromItems(current.header, [...old.chunks, ...current.chunks])).toEqual(tally({ households: 4_000 }));
  });

  it('refuse to read a tally with a chunk missing rather than return it short', () => {
    const { header, chunks } = tallyToItems(tally({ households: 5_000 }), 100_000);
    expect(() => tallyFromItems(header, chunks.slice(1))).toThrow(StoreReadError);
  });
});
