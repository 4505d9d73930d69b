import type { Stores } from '../../ports/stores.js';
import type { Dataset } from '../../records/dataset.js';
import type { Household } from '../../records/records.js';
import { notesOfDataset, upsertNotes } from './incomplete-notes.js';
import { removeAbsentRecords, type RemovedRecords } from './remove-absent-records.js';
import { EmptyDatasetError } from '../use-case-errors.js';

export interface ImportCounts {
  readonly counties: number;
  readonly townships: number;
  readonly villages: number;
  readonly units: number;
  readonly households: number;
  readonly cards: number;
}

/**
 * `snapshot` (the default) takes the dataset as the full registry of the counties it holds;
 * `upsert` only adds and replaces records by id (a partial correction from another app).
 */
export type ImportMode = 'snapshot' | 'upsert';

export interface ImportResult extends ImportCounts {
  /** What the snapshot removed; `null` for an upsert. */
  readonly removed: RemovedRecords | null;
}

const CHUNK = 500;

/**
 * Puts the records `CHUNK` at a time, reading (parsing, checking) the next chunk while the
 * previous one is written, so the store's round trips and the parsing overlap. One put at a
 * time and in order, so the last of two records with one id still wins; a failed put is
 * thrown at the next chunk, and nothing is left writing when this returns or throws.
 */
async function inChunks<T>(records: Iterable<T> | AsyncIterable<T>, put: (chunk: readonly T[]) => Promise<unknown>): Promise<number> {
  let chunk: T[] = [];
  let count = 0;
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for await (const record of records) {
      chunk.push(record);
      count += 1;
      if (chunk.length === CHUNK) {
        await writing;
        writing = put(chunk);
        // Awaited at the next chunk or at the end; this only keeps it from counting as unhandled meanwhile.
        writing.catch(() => {});
        chunk = [];
      }
    }
    await writing;
    if (chunk.length > 0) await put(chunk);
    return count;
  } finally {
    await writing.catch(() => {});
  }
}

/**
 * The households with the first one read ahead: a dataset without any is refused before a
 * single record is written.
 */
async function nonEmpty(households: Iterable<Household> | AsyncIterable<Household>, dataset: Dataset): Promise<AsyncIterable<Household>> {
  const iterator = Symbol.asyncIterator in households ? households[Symbol.asyncIterator]() : households[Symbol.iterator]();
  const first = await iterator.next();
  if (first.done) throw new EmptyDatasetError(dataset.rejected.length);
  return (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/**
 * Stores what the dataset's rejected rows leave incomplete, per county: a snapshot replaces the
 * notes of every county it holds (a county re-imported clean becomes complete); an upsert
 * replaces only those of the villages it delivered again.
 */
async function storeIncompleteNotes(stores: Stores, dataset: Dataset, mode: ImportMode, delivered: ReadonlySet<string>): Promise<void> {
  const fresh = notesOfDataset(dataset);
  const counties = new Set([...dataset.counties.map((c) => c.countyId), ...fresh.keys()]);
  for (const countyId of counties) {
    const notes = fresh.get(countyId) ?? [];
    const next = mode === 'snapshot' ? notes : upsertNotes(await stores.records.listIncompleteNotes(countyId), notes, delivered);
    await stores.records.replaceIncompleteNotes(countyId, next);
  }
}

/**
 * Passes households through while noting the villages delivered and, of the villages `noted`
 * (those stored before the import; every village when `null`), the household ids: a first
 * import of a province keeps no id per household.
 */
async function* noting(
  households: Iterable<Household> | AsyncIterable<Household>,
  delivered: Set<string>,
  byVillage: Map<string, Set<string>>,
  noted: ReadonlySet<string> | null,
): AsyncGenerator<Household> {
  for await (const household of households) {
    delivered.add(household.villageId);
    if (noted === null || noted.has(household.villageId)) {
      let ids = byVillage.get(household.villageId);
      if (!ids) byVillage.set(household.villageId, (ids = new Set()));
      ids.add(household.householdId);
    }
    yield household;
  }
}

/** The villages the store holds of the dataset's counties, read before anything is written. */
async function storedVillages(stores: Stores, dataset: Dataset): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const county of dataset.counties) for (const village of await stores.records.listVillages(county.countyId)) ids.add(village.villageId);
  return ids;
}

/**
 * Loads a checked dataset into the stores. Households may come as a stream (a province's
 * households file never sits in memory); they are written 500 at a time. Every write is an
 * upsert by id, so importing the same dataset again changes nothing and duplicates nothing.
 * A snapshot then removes what the covered counties no longer hold (`removeAbsentRecords`),
 * after every new record is written: an interrupted import is finished by running it again.
 * The rejected rows are stored as incompleteness notes of the villages and counties they
 * belong to; a dataset with no household is refused (`EmptyDatasetError`) before any write.
 */
export async function importDataset(
  stores: Stores,
  dataset: Dataset,
  households: Iterable<Household> | AsyncIterable<Household> = dataset.households,
  mode: ImportMode = 'snapshot',
): Promise<ImportResult> {
  const byVillage = new Map<string, Set<string>>();
  const delivered = new Set<string>();
  const checked = await nonEmpty(households, dataset);
  const storedBefore = mode === 'snapshot' ? await storedVillages(stores, dataset) : null;
  // A store that held no county held no household (counties are written first): nothing to
  // compare with. A village new to a store that holds others may receive a household moved
  // from one of them, so its households are compared like the rest.
  const emptyStore = (await stores.records.listCounties()).length === 0;
  const unstored = emptyStore ? () => true : undefined;
  await stores.records.putCounties(dataset.counties);
  await stores.records.putTownships(dataset.townships);
  await stores.records.putUnits(dataset.units);
  await inChunks(dataset.villages, (chunk) => stores.records.putVillages(chunk));
  const householdCount = await inChunks(noting(checked, delivered, byVillage, storedBefore), (chunk) => stores.records.putHouseholds(chunk, unstored));
  // The rejections are complete once the households stream has ended.
  await storeIncompleteNotes(stores, dataset, mode, new Set([...dataset.villages.map((v) => v.villageId), ...delivered]));
  await inChunks(dataset.cardHistory, (chunk) => stores.accountability.putCards(chunk));
  const removed =
    mode === 'upsert'
      ? null
      : await removeAbsentRecords(stores, {
          countyIds: new Set(dataset.counties.map((c) => c.countyId)),
          townshipIds: new Set(dataset.townships.map((t) => t.townshipId)),
          villageIds: new Set(dataset.villages.map((v) => v.villageId)),
          unitIds: new Set(dataset.units.map((u) => u.unitId)),
          householdsByVillage: byVillage,
          villagesStoredBefore: storedBefore ?? undefined,
          // Read after the households stream ended, when the rejections are complete; card rows name units, not records to keep.
          rejectedIds: new Set(dataset.rejected.filter((row) => row.id !== undefined && !row.file.startsWith('card-history.')).map((row) => row.id!)),
        });
  return {
    removed,
    counties: dataset.counties.length,
    townships: dataset.townships.length,
    villages: dataset.villages.length,
    units: dataset.units.length,
    households: householdCount,
    cards: dataset.cardHistory.length,
  };
}
