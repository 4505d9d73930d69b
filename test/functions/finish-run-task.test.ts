import { describe, expect, it } from 'vitest';
import { FinishRunEventSchema, pinnedRunOf, runOutcomeOf, stageResultsOf } from '../../functions/_shared/task-events.js';
import { memoryObjectStore, type ObjectStore } from '../../src/ports/object-store.js';
import { succeededChild, writeMapRunResults } from '../helpers/local-sfn/result-writer.js';
import { createMemoryStores } from '../../src/adapters/memory/memory-stores.js';
import type { Stores } from '../../src/ports/stores.js';
import { finishRun } from '../../src/use-cases/nightly/finish-run.js';

const run = { runId: 'run-1', quarter: '2018Q4', ruleSetVersions: { 'household-exit': 1 }, startedAt: '2018-12-31T18:00:00.000Z' };
const batch = (verdictWrites: number, failed: { villageId: string; error: string }[] = []) => ({ villages: 2, households: 10, verdictWrites, failed });
const county = (countyId: string, verdictWrites: number, scores: number, cards: number) => ({ ...run, countyId, aggregate: { countyId, verdictWrites }, accountability: { countyId, scores, cards } });
const finishedAt = new Date('2018-12-31T18:30:00.000Z');

/** A Map's children as its ResultWriter lists them: an output succeeded, an `{Error, Cause}` failed. */
const mapResults = (objects: ObjectStore, name: string, outputs: unknown[]) =>
  writeMapRunResults(
    objects,
    name,
    `nightly/results/${name}`,
    outputs.map((output, i) => {
      const failure = output as { Error?: string; Cause?: string };
      if (failure.Error === undefined) return succeededChild(i, {}, output);
      return { ...succeededChild(i, {}, null), Status: 'FAILED' as const, Output: undefined, Error: failure.Error, Cause: failure.Cause! };
    }),
  );

/**
 * The finish-run task's work: the event as the state machine sends it (the Maps' outputs point
 * to their result files), the files read and summed, then the run finished.
 */
const recordFinishedRun = async (stores: Stores, event: { batchResults?: unknown[]; countyResults?: unknown[]; [field: string]: unknown }) => {
  const objects = memoryObjectStore('exports');
  const parsed = FinishRunEventSchema.parse({
    ...event,
    ...(event.batchResults ? { batchResults: await mapResults(objects, 'villages', event.batchResults) } : {}),
    ...(event.countyResults ? { countyResults: await mapResults(objects, 'counties', event.countyResults) } : {}),
  });
  return finishRun(stores, pinnedRunOf(parsed), runOutcomeOf(await stageResultsOf(objects, parsed)), finishedAt);
};

describe('the run record written by the last step', () => {
  it('sums the writes of the batches and counties and takes the run as succeeded', async () => {
    const stores = createMemoryStores();
    const record = await recordFinishedRun(stores, { ...run, batchResults: [batch(3), batch(4)], countyResults: [county('C-1', 1, 5, 2)] });
    expect(record).toMatchObject({ status: 'succeeded', writes: { verdicts: 8, scores: 5, cards: 2 }, finishedAt: finishedAt.toISOString(), stageSeconds: { total: 1800 } });
    expect(await stores.runs.getRun('run-1')).toEqual(record);
  });

  it('fails the run with the villages a batch could not score', async () => {
    const record = await recordFinishedRun(createMemoryStores(), { ...run, batchResults: [batch(1, [{ villageId: 'V-9', error: 'Error: boom' }])], countyResults: [] });
    expect(record).toMatchObject({ status: 'failed', failedVillages: [{ villageId: 'V-9', error: 'Error: boom' }] });
  });

  it('fails the run with a batch the Distributed Map tolerated as failed', async () => {
    const record = await recordFinishedRun(createMemoryStores(), { ...run, batchResults: [batch(1), { Error: 'Lambda.Unknown', Cause: 'timed out' }], countyResults: [] });
    expect(record.failedVillages).toEqual([{ villageId: '(batch)', error: 'Lambda.Unknown: timed out' }]);
  });

  it('refuses a manifest that points to a result file the bucket no longer holds', async () => {
    const objects = memoryObjectStore('exports');
    const pointer = await mapResults(objects, 'villages', [batch(1)]);
    const stale = memoryObjectStore('exports');
    await stale.put(pointer.ResultWriterDetails.Key, await objects.get(pointer.ResultWriterDetails.Key));
    const event = FinishRunEventSchema.parse({ ...run, batchResults: pointer });
    await expect(stageResultsOf(stale, event)).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND' });
  });

  it('records a stage that stopped the run', async () => {
    const record = await recordFinishedRun(createMemoryStores(), { ...run, error: { Error: 'States.ExceedToleratedFailureThreshold', Cause: 'too many' } });
    expect(record).toMatchObject({ status: 'failed', writes: { verdicts: 0, scores: 0, cards: 0 }, failedVillages: [{ villageId: '(run)', error: 'States.ExceedToleratedFailureThreshold: too many' }] });
  });
});
