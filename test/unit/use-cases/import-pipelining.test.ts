import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import type { Household } from '../../../src/records/records.js';
import { importDataset } from '../../../src/use-cases/import/import-dataset.js';
import { aCounty, aHousehold, aTownship, aVillage, anAssistingUnit } from '../../helpers/builders.js';

/** A county of one village and `count` households, the households read one by one and logged. */
function dataset(count: number, log: string[]) {
  const households = Array.from({ length: count }, (_, i) => aHousehold({ householdId: `H-${String(i).padStart(5, '0')}`, villageId: 'V-1' }));
  async function* read(): AsyncGenerator<Household> {
    for (const [i, household] of households.entries()) {
      log.push(`read ${i}`);
      yield household;
    }
  }
  const frame = {
    counties: [aCounty({ countyId: 'C-1' })],
    townships: [aTownship({ townshipId: 'T-1', countyId: 'C-1' })],
    units: [anAssistingUnit({ unitId: 'U-1', countyId: 'C-1' })],
    villages: [aVillage({ villageId: 'V-1', countyId: 'C-1', townshipId: 'T-1', assistingUnitId: 'U-1' })],
    households,
    cardHistory: [],
    rejected: [],
  };
  return { frame, read };
}

describe('the import of a households stream', () => {
  it('reads the next 500 households while it writes the last 500, one write at a time and in order', async () => {
    const log: string[] = [];
    const stores = createMemoryStores();
    const putHouseholds = stores.records.putHouseholds.bind(stores.records);
    let inFlight = 0;
    let mostInFlight = 0;
    stores.records.putHouseholds = async (records, unstored) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      log.push(`put ${records[0]!.householdId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await putHouseholds(records, unstored);
      log.push(`stored ${records[0]!.householdId}`);
      inFlight -= 1;
    };
    const { frame, read } = dataset(1_200, log);
    const imported = await importDataset(stores, frame, read());
    expect(imported.households).toBe(1_200);
    expect(mostInFlight).toBe(1);
    // The second chunk was read while the first was being written…
    expect(log.indexOf('read 600')).toBeLessThan(log.indexOf('stored H-00000'));
    // …and the writes went out in the order read.
    expect(log.filter((line) => line.startsWith('put '))).toEqual(['put H-00000', 'put H-00500', 'put H-01000']);
    expect((await stores.records.listHouseholdIds('V-1')).length).toBe(1_200);
  });

  it('throws a failed write, and leaves nothing writing behind it', async () => {
    const log: string[] = [];
    const stores = createMemoryStores();
    let writing = 0;
    stores.records.putHouseholds = async (records) => {
      writing += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      writing -= 1;
      if (records[0]!.householdId === 'H-00500') throw new Error('store down');
    };
    const { frame, read } = dataset(1_600, log);
    await expect(importDataset(stores, frame, read())).rejects.toThrow('store down');
    expect(writing).toBe(0);
  });
});
