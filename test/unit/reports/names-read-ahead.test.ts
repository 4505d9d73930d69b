import { beforeAll, describe, expect, it } from 'vitest';
import { NamesReadAhead } from '../../../src/reports/names-read-ahead.js';
import { loadPlaceNames, type NameSource } from '../../../src/reports/report-names.js';
import { sampleCountyStores } from '../../helpers/sample-county-store.js';

/** The stores' records as a name source that counts every call by method and argument. */
async function countedSource(records: NameSource): Promise<{ source: NameSource; calls: Map<string, number> }> {
  const calls = new Map<string, number>();
  const counted =
    <A extends string[], R>(name: string, read: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const key = [name, ...args].join(' ');
      calls.set(key, (calls.get(key) ?? 0) + 1);
      return read(...args);
    };
  return {
    calls,
    source: {
      listCounties: counted('listCounties', () => records.listCounties()),
      listTownships: counted('listTownships', (id: string) => records.listTownships(id)),
      listVillages: counted('listVillages', (id: string) => records.listVillages(id)),
      listUnits: counted('listUnits', (id: string) => records.listUnits(id)),
      listHouseholdNames: counted('listHouseholdNames', (id: string) => records.listHouseholdNames(id)),
    },
  };
}

let records: NameSource;
beforeAll(async () => {
  records = (await sampleCountyStores()).records;
});

describe('household names read ahead', () => {
  it('gives every village the names its source gives, reading each village and each listing once', async () => {
    const { source, calls } = await countedSource(records);
    const ahead = NamesReadAhead.start(source);
    const places = await loadPlaceNames(ahead);
    expect(places).toEqual(await loadPlaceNames(records));
    for (const villageId of [...places.villageIds].sort()) expect(await ahead.listHouseholdNames(villageId)).toEqual(await records.listHouseholdNames(villageId));
    expect(places.villageIds.length).toBeGreaterThan(WINDOW_OF_SAMPLE);
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    expect([...calls.keys()].filter((key) => key.startsWith('listHouseholdNames '))).toHaveLength(places.villageIds.length);
  });

  it('does not read ahead a village asked for before the window reached it; the others are read once', async () => {
    const { source, calls } = await countedSource(records);
    const ahead = NamesReadAhead.start(source);
    const ids = [...(await loadPlaceNames(ahead)).villageIds].sort();
    const last = ids.at(-1)!;
    await ahead.listHouseholdNames(last);
    for (const villageId of ids) await ahead.listHouseholdNames(villageId);
    // Asked for twice, read twice: once for each call, never a third time by the window.
    expect(calls.get(`listHouseholdNames ${last}`)).toBe(2);
    for (const villageId of ids.slice(0, -1)) expect(calls.get(`listHouseholdNames ${villageId}`)).toBe(1);
  });
});

/** The sample county has more villages than the window reads ahead, so the window moves. */
const WINDOW_OF_SAMPLE = 32;
