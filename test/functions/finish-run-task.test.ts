import { describe, expect, it } from 'vitest';
import { FinishRunEventSchema, pinnedRunOf, runOutcomeOf } from '../../functions/_shared/task-events.js';
import { createMemoryStores } from '../../src/adapters/memory/memory-stores.js';
import type { Stores } from '../../src/ports/stores.js';
import { finishRun } from '../../src/use-cases/nightly/finish-run.js';

const run = { runId: 'run-1', quarter: '2018Q4', ruleSetVersions: { 'household-exit': 1 }, startedAt: '2018-12-31T18:00:00.000Z' };
const batch = (verdictWrites: number, failed: { villageId: string; error: string }[] = []) => ({ villages: 2, households: 10, verdictWrites, failed });
const county = (countyId: string, verdictWrites: number, scores: number, cards: number) => ({ ...run, countyId, aggregate: { countyId, verdictWrites }, accountability: { countyId, scores, cards } });
const finishedAt = new Date('2018-12-31T18:30:00.000Z');

/** The finish-run task's work: the event as the state machine sends it, summed, then the run finished. */
const recordFinishedRun = (stores: Stores, event: unknown) => {
  const parsed = FinishRunEventSchema.parse(event);
  return finishRun(stores, pinnedRunOf(parsed), runOutcomeOf(parsed), finishedAt);
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

  it('records a stage that stopped the run', async () => {
    const record = await recordFinishedRun(createMemoryStores(), { ...run, error: { Error: 'States.ExceedToleratedFailureThreshold', Cause: 'too many' } });
    expect(record).toMatchObject({ status: 'failed', writes: { verdicts: 0, scores: 0, cards: 0 }, failedVillages: [{ villageId: '(run)', error: 'States.ExceedToleratedFailureThreshold: too many' }] });
  });
});
