import type { Stores } from '../ports/stores.js';
import type { Dataset } from '../records/dataset.js';

export interface ImportCounts {
  readonly counties: number;
  readonly townships: number;
  readonly villages: number;
  readonly units: number;
  readonly households: number;
  readonly cards: number;
}

const CHUNK = 500;

async function inChunks<T>(records: readonly T[], put: (chunk: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < records.length; start += CHUNK) await put(records.slice(start, start + CHUNK));
}

/**
 * Loads a checked dataset into the stores. Every write is an upsert by id, so importing the
 * same dataset again changes nothing and duplicates nothing.
 */
export async function importDataset(stores: Stores, dataset: Dataset): Promise<ImportCounts> {
  await stores.records.putCounties(dataset.counties);
  await stores.records.putTownships(dataset.townships);
  await stores.records.putUnits(dataset.units);
  await inChunks(dataset.villages, (chunk) => stores.records.putVillages(chunk));
  await inChunks(dataset.households, (chunk) => stores.records.putHouseholds(chunk));
  await inChunks(dataset.cardHistory, (chunk) => stores.accountability.putCards(chunk));
  return {
    counties: dataset.counties.length,
    townships: dataset.townships.length,
    villages: dataset.villages.length,
    units: dataset.units.length,
    households: dataset.households.length,
    cards: dataset.cardHistory.length,
  };
}
