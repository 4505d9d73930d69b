import { failuresKey } from '../../kernel/nightly-objects.js';
import type { ObjectStore } from '../../ports/object-store.js';
import type { RunRecord } from '../../ports/run-store.js';

/*
 * A throttled night can fail thousands of villages inside batches that succeed; at ~100 B an
 * entry the list alone would pass DynamoDB's 400 KB item limit near 4,000 villages and the run
 * record could not be written. Past a bound the record keeps the first entries and points to
 * the whole list in the bucket; the run routes read it back.
 */

/** Bytes of the failed-villages list above which it leaves the item. */
export const FAILURES_KEPT_BYTES = 64 * 1024;
/** Entries the item keeps of a list that left it (the first, in the record's order). */
export const FAILURES_KEPT = 100;

const byteLength = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** The record to store: as it is, or with its long list of failed villages written to `objects`. */
export async function spillFailedVillages(objects: ObjectStore, record: RunRecord): Promise<RunRecord> {
  if (byteLength(record.failedVillages) <= FAILURES_KEPT_BYTES) return record;
  const key = failuresKey(record.runId);
  await objects.put(key, JSON.stringify(record.failedVillages));
  return { ...record, failedVillages: record.failedVillages.slice(0, FAILURES_KEPT), failedVillagesSpilled: { key, count: record.failedVillages.length } };
}

/**
 * The record as it was finished: a list that left the item is read back from the bucket. The
 * bucket is asked for only then (`objects` is called lazily), so a store whose records never
 * spill needs none.
 */
export async function restoreFailedVillages(record: RunRecord, objects: () => ObjectStore): Promise<RunRecord> {
  if (record.failedVillagesSpilled === undefined) return record;
  const { failedVillagesSpilled, ...rest } = record;
  const failedVillages = JSON.parse(await objects().get(failedVillagesSpilled.key)) as RunRecord['failedVillages'];
  return { ...rest, failedVillages };
}
