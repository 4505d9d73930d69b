import { describe, expect, it, vi } from 'vitest';
import { MemoryRecordStore } from '../../../../src/adapters/memory/memory-record-store.js';
import { aCounty, aHousehold, aTownship, aVillage } from '../../../helpers/builders.js';
import { CountingSpill } from '../../../helpers/counting-spill.js';

describe('MemoryRecordStore', () => {
  it('lists a village’s households sorted by id', async () => {
    const store = new MemoryRecordStore();
    await store.putHouseholds([aHousehold({ householdId: 'H-2' }), aHousehold({ householdId: 'H-1' }), aHousehold({ householdId: 'H-3', villageId: 'V-002' })]);
    expect((await store.listHouseholds('V-001')).map((h) => h.householdId)).toEqual(['H-1', 'H-2']);
  });

  it('moves a household to its new village when it is put again with another villageId', async () => {
    const store = new MemoryRecordStore();
    await store.putHouseholds([aHousehold({ householdId: 'H-1', villageId: 'V-001' }), aHousehold({ householdId: 'H-2', villageId: 'V-001' })]);
    await store.putHouseholds([aHousehold({ householdId: 'H-1', villageId: 'V-002' })]);
    expect((await store.listHouseholds('V-001')).map((h) => h.householdId)).toEqual(['H-2']);
    expect((await store.listHouseholds('V-002')).map((h) => h.householdId)).toEqual(['H-1']);
    expect((await store.getHousehold('H-1'))?.villageId).toBe('V-002');
  });

  it('replaces a household put again in the same village, without duplicating it', async () => {
    const store = new MemoryRecordStore();
    await store.putHouseholds([aHousehold({ householdId: 'H-1' })]);
    await store.putHouseholds([aHousehold({ householdId: 'H-1', incomePerCapita: 1 })]);
    const listed = await store.listHouseholds('V-001');
    expect(listed.map((h) => [h.householdId, h.incomePerCapita])).toEqual([['H-1', 1]]);
  });

  it('keeps a village’s other households when its first, middle or last one is deleted, and adds later ones at its end', async () => {
    const store = new MemoryRecordStore();
    await store.putHouseholds(['H-1', 'H-2', 'H-3', 'H-4', 'H-5'].map((id) => aHousehold({ householdId: id })));
    await store.putHouseholds([aHousehold({ householdId: 'H-9', villageId: 'V-002' })]);
    expect(await store.removeHouseholds('V-001', ['H-3', 'H-5', 'H-1', 'H-9'])).toEqual(['H-3', 'H-5', 'H-1']);
    await store.putHouseholds([aHousehold({ householdId: 'H-6' }), aHousehold({ householdId: 'H-0' })]);
    expect((await store.listHouseholds('V-001')).map((h) => h.householdId)).toEqual(['H-0', 'H-2', 'H-4', 'H-6']);
    await store.removeHouseholds('V-001', ['H-0', 'H-2', 'H-4', 'H-6']);
    expect(await store.listHouseholds('V-001')).toEqual([]);
    await store.putHouseholds([aHousehold({ householdId: 'H-7' })]);
    expect((await store.listHouseholds('V-001')).map((h) => h.householdId)).toEqual(['H-7']);
    expect((await store.listHouseholds('V-002')).map((h) => h.householdId)).toEqual(['H-9']);
    expect(await store.getHousehold('H-3')).toBeNull();
  });

  it('holds households past its first thousand slots', async () => {
    const store = new MemoryRecordStore();
    const ids = Array.from({ length: 2500 }, (_, i) => `H-${String(i).padStart(4, '0')}`);
    for (let start = 0; start < ids.length; start += 500) await store.putHouseholds(ids.slice(start, start + 500).map((id) => aHousehold({ householdId: id, villageId: `V-${Number(id.slice(2)) % 3}` })));
    expect((await store.listHouseholds('V-1')).map((h) => h.householdId)).toEqual(ids.filter((_, i) => i % 3 === 1));
    expect((await store.getHousehold('H-2499'))?.villageId).toBe('V-0');
  });

  it('gives null for a record it does not hold', async () => {
    const store = new MemoryRecordStore();
    expect(await store.getHousehold('H-9')).toBeNull();
    expect(await store.getVillage('V-9')).toBeNull();
    expect(await store.getCounty('C-9')).toBeNull();
    expect(await store.listHouseholds('V-9')).toEqual([]);
  });

  it('lists a county’s townships and villages, sorted, and no other county’s', async () => {
    const store = new MemoryRecordStore();
    await store.putCounties([aCounty({ countyId: 'C-2' }), aCounty()]);
    await store.putTownships([aTownship({ townshipId: 'T-02' }), aTownship(), aTownship({ townshipId: 'T-99', countyId: 'C-2' })]);
    await store.putVillages([aVillage({ villageId: 'V-002' }), aVillage(), aVillage({ villageId: 'V-099', countyId: 'C-2' })]);
    expect((await store.listCounties()).map((c) => c.countyId)).toEqual(['C-1', 'C-2']);
    expect((await store.listTownships('C-1')).map((t) => t.townshipId)).toEqual(['T-01', 'T-02']);
    expect((await store.listVillages('C-1')).map((v) => v.villageId)).toEqual(['V-001', 'V-002']);
  });

  it('keeps households in its spill file and reads a village put together back in one read', async () => {
    const spill = new CountingSpill();
    const store = new MemoryRecordStore(spill);
    const households = ['H-3', 'H-1', 'H-2'].map((id) => aHousehold({ householdId: id, headName: '张三' }));
    await store.putHouseholds(households);
    expect(spill.reads).toBe(0);
    expect(await store.listHouseholds('V-001')).toEqual([households[1], households[2], households[0]]);
    expect(spill.reads).toBe(1);
  });

  it('reads a village’s household names in one read without parsing the records, tabs and newlines in ids and names kept', async () => {
    const spill = new CountingSpill();
    const store = new MemoryRecordStore(spill);
    const households = [aHousehold({ householdId: 'H\t2', headName: '张\t三\n' }), aHousehold({ householdId: 'H-1', headName: '' }), aHousehold({ householdId: 'H-3' })];
    await store.putHouseholds(households);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(await store.listHouseholdNames('V-001')).toEqual([
        { householdId: 'H\t2', villageId: 'V-001', headName: '张\t三\n' },
        { householdId: 'H-1', villageId: 'V-001', headName: null },
        { householdId: 'H-3', villageId: 'V-001', headName: null },
      ]);
      expect(parse.mock.calls.filter(([text]) => String(text).includes('members'))).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(spill.reads).toBe(1);
    // The records themselves read back whole, and a household found and removed by its id.
    expect(await store.getHousehold('H\t2')).toEqual(households[0]);
    await store.removeHouseholds('V-001', ['H\t2']);
    expect((await store.listHouseholdNames('V-001')).map((n) => n.householdId)).toEqual(['H-1', 'H-3']);
  });
});
