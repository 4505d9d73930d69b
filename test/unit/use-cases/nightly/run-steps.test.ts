import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import type { RuleSet } from '../../../../src/engine/rule-set-schema.js';
import type { Stores } from '../../../../src/ports/stores.js';
import type { StandardId } from '../../../../src/standards/standard-ids.js';
import { finishRun } from '../../../../src/use-cases/nightly/finish-run.js';
import { planRun, startPlannedRun } from '../../../../src/use-cases/nightly/plan-run.js';
import { memoryObjectStore } from '../../../../src/ports/object-store.js';
import { emptyTotals, finishedRecord, runningRecord } from '../../../../src/use-cases/nightly/run-record.js';
import { startRun } from '../../../../src/use-cases/nightly/start-run.js';
import { aCounty, aVillage } from '../../../helpers/builders.js';
import { ruleSetsFor } from '../../../helpers/repository-rule-sets.js';

let ruleSets: Record<StandardId, RuleSet>;
const pinned = { runId: 'run-1', quarter: '2018Q4', startedAt: '2026-01-01T00:00:00.000Z', ruleSetVersions: { accountability: 1, 'household-exit': 1 } };

beforeAll(async () => {
  ruleSets = await ruleSetsFor('2018-12-31');
});

async function storesWithVillages(counties: Record<string, number>): Promise<Stores> {
  const stores = createMemoryStores();
  await stores.records.putCounties(Object.keys(counties).map((countyId) => aCounty({ countyId })));
  for (const [countyId, count] of Object.entries(counties)) {
    await stores.records.putVillages(Array.from({ length: count }, (_, i) => aVillage({ villageId: `${countyId}-V${i}`, countyId })));
  }
  return stores;
}

describe('the run record', () => {
  it('is written in one field order, running and finished', () => {
    expect(Object.keys(runningRecord(pinned))).toEqual(['runId', 'quarter', 'startedAt', 'ruleSetVersions', 'status', 'finishedAt', 'writes', 'failedVillages', 'stageSeconds']);
    const finished = finishedRecord(pinned, emptyTotals(), { finishedAt: new Date('2026-01-01T00:01:00Z'), rejectedRows: 0, stageSeconds: {} });
    expect(Object.keys(finished)).toEqual(['runId', 'quarter', 'startedAt', 'ruleSetVersions', 'status', 'finishedAt', 'writes', 'failedVillages', 'rejectedRows', 'stageSeconds']);
  });

  it('is failed with a failed village, and says rejected rows otherwise', () => {
    const finish = (failed: number, rejectedRows: number) => {
      const totals = emptyTotals();
      for (let i = 0; i < failed; i += 1) totals.failedVillages.push({ villageId: `V-${i}`, error: 'Error: boom' });
      return finishedRecord(pinned, totals, { finishedAt: new Date(), rejectedRows, stageSeconds: {} }).status;
    };
    expect([finish(0, 0), finish(0, 3), finish(1, 3)]).toEqual(['succeeded', 'succeeded-with-rejected-rows', 'failed']);
  });
});

describe('starting a run', () => {
  it('pins the versions of the rule sets it judges with and records it as running', async () => {
    const stores = createMemoryStores();
    const run = await startRun(stores.runs, { runId: 'run-1', quarter: '2018Q4', startedAt: new Date('2026-01-01T00:00:00Z'), ruleSets });
    expect(run.ruleSetVersions).toEqual({ accountability: 1, 'county-exit': 1, 'household-exit': 1, identification: 1, 'return-risk': 1, 'village-exit': 1 });
    expect(await stores.runs.getRun('run-1')).toMatchObject({ status: 'running', finishedAt: null, startedAt: '2026-01-01T00:00:00.000Z', writes: { verdicts: 0, scores: 0, cards: 0 } });
  });
});

describe('planning a run', () => {
  it('cuts each county’s villages into batches, of the given counties only', async () => {
    const stores = await storesWithVillages({ 'C-1': 5, 'C-2': 2 });
    const plan = await planRun(stores.records, 2, ['C-1']);
    expect(plan.villageCount).toBe(5);
    expect(plan.counties.map((c) => [c.countyId, c.villageBatches.map((b) => b.length)])).toEqual([['C-1', [2, 2, 1]]]);
  });

  it('starts the state machine’s run with the versions in force for its quarter and writes the flattened batches to the bucket', async () => {
    const stores = await storesWithVillages({ 'C-1': 3, 'C-2': 1 });
    const asked: string[] = [];
    const source = { inForce: async (quarter: string) => (asked.push(quarter), ruleSets), pinned: async () => ruleSets };
    const objects = memoryObjectStore();
    const planned = await startPlannedRun(stores, source, objects, { runId: 'sf-1', quarter: '2018Q4', startedAt: pinned.startedAt, batchSize: 2 });
    expect(asked).toEqual(['2018Q4']);
    const batches = JSON.parse(await objects.get(planned.batchesKey)) as { countyId: string; villageIds: string[] }[];
    expect(batches.map((b) => [b.countyId, b.villageIds.length])).toEqual([['C-1', 2], ['C-1', 1], ['C-2', 1]]);
    expect(JSON.parse(await objects.get(planned.countiesKey))).toEqual([{ countyId: 'C-1' }, { countyId: 'C-2' }]);
    expect(planned).toMatchObject({ runId: 'sf-1', batchesKey: 'nightly/plans/sf-1/batches.json', batchCount: 3, countyCount: 2, villageCount: 4, ruleSetVersions: { 'household-exit': 1 } });
    expect((await stores.runs.getRun('sf-1'))?.status).toBe('running');
  });
});

describe('finishing a run', () => {
  it('counts the rejected rows of its counties only and records the run', async () => {
    const stores = await storesWithVillages({ 'C-1': 1, 'C-2': 1 });
    const note = (countyId: string, rowCount: number) => ({ countyId, villageId: null, kind: 'households' as const, rows: [], rowCount });
    await stores.records.replaceIncompleteNotes('C-1', [note('C-1', 2)]);
    await stores.records.replaceIncompleteNotes('C-2', [note('C-2', 7)]);
    const record = await finishRun(stores, pinned, { totals: emptyTotals(), countyIds: ['C-1'] }, new Date('2026-01-01T00:00:30Z'));
    expect(record).toMatchObject({ status: 'succeeded-with-rejected-rows', rejectedRows: 2, stageSeconds: { total: 30 } });
    expect(await stores.runs.getRun('run-1')).toEqual(record);
  });
});
