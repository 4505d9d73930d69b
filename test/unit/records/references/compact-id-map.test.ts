import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactIdMap } from '../../../../src/records/references/compact-id-map.js';

describe('CompactIdMap', () => {
  it('gives back what was set, by exact id, through growth', () => {
    const map = new CompactIdMap();
    for (let i = 0; i < 5000; i += 1) map.set(`513336-01-003-${String(i).padStart(4, '0')}`, i);
    expect(map.size).toBe(5000);
    expect(map.get('513336-01-003-0042')).toBe(42);
    expect(map.get('513336-01-003-4999')).toBe(4999);
    expect(map.get('513336-01-003-042')).toBeUndefined();
    expect(map.has('513336-01-003-5000')).toBe(false);
  });

  it('replaces a value, deletes, and sets a deleted id again', () => {
    const map = new CompactIdMap();
    map.set('H-1', 1).set('H-1', 2).set('户-二', 3);
    expect([map.get('H-1'), map.get('户-二'), map.size]).toEqual([2, 3, 2]);
    expect(map.delete('H-1')).toBe(true);
    expect(map.delete('H-1')).toBe(false);
    expect([map.get('H-1'), map.size]).toEqual([undefined, 1]);
    map.set('H-1', 0);
    expect([map.get('H-1'), map.size]).toEqual([0, 2]);
  });

  it('refuses values that are not whole numbers from 0 to 2^31 − 1', () => {
    const map = new CompactIdMap();
    for (const value of [-1, 0.5, 2 ** 31, Number.NaN]) expect(() => map.set('H-1', value)).toThrow(RangeError);
    expect(map.set('H-1', 2 ** 31 - 1).get('H-1')).toBe(2 ** 31 - 1);
    expect(map.size).toBe(1);
  });

  it('agrees with a Map on any sequence of sets and deletes', () => {
    const op = fc.tuple(fc.boolean(), fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 0x7fffffff }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const compact = new CompactIdMap();
        const reference = new Map<string, number>();
        for (const [isSet, id, value] of ops) {
          if (isSet) {
            compact.set(id, value);
            reference.set(id, value);
          } else expect(compact.delete(id)).toBe(reference.delete(id));
        }
        expect(compact.size).toBe(reference.size);
        for (const [, id] of ops) expect(compact.get(id)).toBe(reference.get(id));
      }),
    );
  });
});
