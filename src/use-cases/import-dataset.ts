import type { Stores } from '../ports/stores.js';
import type { Dataset } from '../records/dataset.js';
import type { Household } from '../records/records.js';

export interface ImportCounts {
  readonly counties: number;
  readonly townships: number;
  readonly villages: number;
  readonly units: number;
  readonly households: number;
  readonly cards: number;
}

const CHUNK = 500;

async function inChunks<T>(records: Iterable<T> | AsyncIterable<T>, put: (chunk: readonly T[]) => Promise<unknown>): Promise<number> {
  let chunk: T[] = [];
  let count = 0;
  for await (const record of records) {
    chunk.push(record);
    count += 1;
    if (chunk.length === CHUNK) {
      await put(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await put(chunk);
  return count;
}

/**
 * Loads a checked dataset into the stores. Households may come as a stream (a province's
 * households file never sits in memory); they are written 500 at a time. Every write is an
 * upsert by id, so importing the same dataset again changes nothing and duplicates nothing.
 */
export async function importDataset(
  stores: Stores,
  dataset: Dataset,
  households: Iterable<Household> | AsyncIterable<Household> = dataset.households,
): Promise<ImportCounts> {
  await stores.records.putCounties(dataset.counties);
  await stores.records.putTownships(dataset.townships);
  await stores.records.putUnits(dataset.units);
  await inChunks(dataset.villages, (chunk) => stores.records.putVillages(chunk));
  const householdCount = await inChunks(households, (chunk) => stores.records.putHouseholds(chunk));
  await inChunks(dataset.cardHistory, (chunk) => stores.accountability.putCards(chunk));
  return {
    counties: dataset.counties.length,
    townships: dataset.townships.length,
    villages: dataset.villages.length,
    units: dataset.units.length,
    households: householdCount,
    cards: dataset.cardHistory.length,
  };
}
