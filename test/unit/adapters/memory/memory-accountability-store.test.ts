import { describe, expect, it } from 'vitest';
import { MemoryAccountabilityStore } from '../../../../src/adapters/memory/memory-accountability-store.js';
import { card } from '../../../adapters/dynamodb/builders.js';

describe('the memory accountability store', () => {
  it("lists one unit's cards by quarter, never those of a unit whose id starts with it and '#'", async () => {
    const store = new MemoryAccountabilityStore();
    await store.putCards([card({ unitId: 'T1', quarter: '2018Q3' }), card({ unitId: 'T1#2', quarter: '2018Q1' }), card({ unitId: 'T1', quarter: '2018Q1', card: 'red-flag' })]);
    expect((await store.listCards('township', 'T1')).map((c) => `${c.unitId}:${c.quarter}`)).toEqual(['T1:2018Q1', 'T1:2018Q3']);
    expect((await store.listCards('township', 'T1#2')).map((c) => `${c.unitId}:${c.quarter}`)).toEqual(['T1#2:2018Q1']);
  });

  it('counts only the cards that changed', async () => {
    const store = new MemoryAccountabilityStore();
    expect(await store.putCards([card(), card({ quarter: '2018Q4' })])).toBe(2);
    expect(await store.putCards([card(), card({ quarter: '2018Q4', card: null })])).toBe(1);
  });
});
