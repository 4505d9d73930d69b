import { describe, expect, it } from 'vitest';
import { HashedSlotIndex } from '../../../../src/adapters/memory/hashed-slot-index.js';

/** The index with the ids its slots hold, as the spill file would give them back, and the reads it made. */
function indexOver() {
  const ids: string[] = [];
  let reads = 0;
  const index = new HashedSlotIndex((slot) => {
    reads += 1;
    return ids[slot]!;
  });
  const put = (id: string) => {
    ids.push(id);
    index.set(id, ids.length - 1);
    return ids.length - 1;
  };
  return { index, put, reads: () => reads };
}

describe('the hashed slot index', () => {
  it('agrees with a Map through puts, moves and removals of 50,000 ids', () => {
    const { index, put } = indexOver();
    const expected = new Map<string, number>();
    for (let i = 0; i < 50_000; i += 1) {
      const id = `513336-01-${String(i % 40_000).padStart(3, '0')}-${i}`;
      expected.set(id, put(id));
      if (i % 7 === 0) {
        const gone = `513336-01-${String((i * 31) % 40_000).padStart(3, '0')}-${(i * 31) % 50_000}`;
        expect(index.delete(gone)).toBe(expected.delete(gone));
      }
      // An id put again moves to its new slot.
      if (i % 11 === 0) expected.set(id, put(id));
    }
    for (const [id, slot] of expected) expect(index.get(id)).toBe(slot);
    expect(index.get('513336-01-999-0')).toBeUndefined();
  });

  it('keeps every id as its table is rebuilt in memory of its own (300,000 ids, some removed)', () => {
    const { index, put } = indexOver();
    for (let i = 0; i < 300_000; i += 1) put(`630121-${String(i % 500).padStart(3, '0')}-${i}`);
    for (let i = 0; i < 300_000; i += 3) expect(index.delete(`630121-${String(i % 500).padStart(3, '0')}-${i}`)).toBe(true);
    // Rebuilds drop the removed entries and keep the rest where they can be found.
    for (let i = 300_000; i < 550_000; i += 1) put(`630121-${String(i % 500).padStart(3, '0')}-${i}`);
    const wrong: number[] = [];
    for (let i = 0; i < 550_000; i += 1) if (index.get(`630121-${String(i % 500).padStart(3, '0')}-${i}`) !== (i < 300_000 && i % 3 === 0 ? undefined : i)) wrong.push(i);
    expect(wrong).toEqual([]);
  });

  it('tells apart two ids with the same 32-bit hash by reading them back', () => {
    const { index, put, reads } = indexOver();
    // FNV-1a gives both -55972408.
    const a = put('513336-01-0872068');
    const b = put('513336-01-1174626');
    expect([index.get('513336-01-0872068'), index.get('513336-01-1174626')]).toEqual([a, b]);
    expect(index.delete('513336-01-0872068')).toBe(true);
    expect([index.get('513336-01-0872068'), index.get('513336-01-1174626')]).toEqual([undefined, b]);
    expect(reads()).toBeGreaterThan(0);
  });

  it('reads no id back to add new ones whose hashes differ', () => {
    const { put, reads } = indexOver();
    for (let i = 0; i < 10_000; i += 1) put(`H${i}`);
    expect(reads()).toBe(0);
  });
});
