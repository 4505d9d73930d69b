import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { memoryObjectStore, type ObjectStore } from '../../../../src/ports/object-store.js';
import { finishRun } from '../../../../src/use-cases/nightly/finish-run.js';
import { FAILURES_KEPT, restoreFailedVillages } from '../../../../src/use-cases/nightly/run-failures.js';
import { emptyTotals } from '../../../../src/use-cases/nightly/run-record.js';

const run = { runId: 'run-1', quarter: '2018Q4', startedAt: '2018-12-31T18:00:00.000Z', ruleSetVersions: { 'household-exit': 1 } };
const finishedAt = new Date('2018-12-31T19:00:00.000Z');
const failing = (count: number) => {
  const totals = emptyTotals();
  for (let i = 0; i < count; i += 1) totals.failedVillages.push({ villageId: `V-${i}`, error: 'StoreWriteError: the table refused the write after 8 attempts' });
  return { totals, countyIds: [] };
};
const noBucket = (): ObjectStore => {
  throw new Error('the bucket was asked for');
};

describe('the failed villages of a run record', () => {
  it('stay in the item while the list is short, and the bucket is never asked for', async () => {
    const stores = createMemoryStores();
    const objects = memoryObjectStore();
    const record = await finishRun(stores, run, failing(10), finishedAt, { failures: objects });
    expect(objects.objects.size).toBe(0);
    expect(await stores.runs.getRun('run-1')).toEqual(record);
    expect(await restoreFailedVillages(record, noBucket)).toEqual(record);
  });

  it('leave the item for the bucket when the list would crowd it, and are read back whole', async () => {
    const stores = createMemoryStores();
    const objects = memoryObjectStore();
    const record = await finishRun(stores, run, failing(3_000), finishedAt, { failures: objects });
    expect(record.failedVillages).toHaveLength(3_000);
    const stored = (await stores.runs.getRun('run-1'))!;
    expect(stored.failedVillages).toEqual(record.failedVillages.slice(0, FAILURES_KEPT));
    expect(stored.failedVillagesSpilled).toEqual({ key: 'nightly/failures/run-1.json', count: 3_000 });
    expect(stored.status).toBe('failed');
    expect(await restoreFailedVillages(stored, () => objects)).toEqual(record);
  });

  it('stay whole in the item when the run has no bucket (tuopin nightly)', async () => {
    const stores = createMemoryStores();
    const record = await finishRun(stores, run, failing(3_000), finishedAt);
    expect((await stores.runs.getRun('run-1'))!.failedVillages).toHaveLength(3_000);
    expect(record.failedVillagesSpilled).toBeUndefined();
  });
});
