import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlannedRun } from '../../src/use-cases/nightly/plan-run.js';
import type { TaskHandler } from '../../functions/_shared/task-handler.js';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import type { RunRecord } from '../../src/ports/run-store.js';
import type { Stores } from '../../src/ports/stores.js';
import { seedRuleSets } from '../../src/use-cases/seed-rule-sets.js';
import { exportRun, type RunExport } from '../../src/use-cases/export-run.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { publishEntry } from '../../src/use-cases/rule-publishing/published-entry.js';
import type { BatchResult } from '../../src/use-cases/nightly/score-village-batch.js';
import { useDynalite } from '../helpers/dynalite.js';
import { useLocalS3 } from '../helpers/local-sfn/use-local-s3.js';
import { succeededChild, writeMapRunResults } from '../helpers/local-sfn/result-writer.js';
import { RESULT_PREFIXES } from '../../src/kernel/nightly-objects.js';
import { repositoryRuleSets } from '../helpers/repository-rule-sets.js';
import { scoreFolderInMemory } from '../helpers/score-in-memory.js';
import { configureFunctions } from './function-env.js';
import { lambdaContext, taskEvent } from './lambda-events.js';

const EXAMPLE = fileURLToPath(new URL('../fixtures/example', import.meta.url));
const dynamo = useDynalite();
const bucket = useLocalS3();

let stores: Stores;
let planRun: TaskHandler<PlannedRun>;
let scoreBatch: TaskHandler<BatchResult>;
let aggregateCounty: TaskHandler<{ countyId: string; verdictWrites: number }>;
let accountCounty: TaskHandler<{ countyId: string; scores: number; cards: number }>;
let finishRun: TaskHandler<RunRecord>;

/** Runs the tasks in the order the state machine runs them, passing what it passes. */
async function runStateMachine(planEvent: Record<string, unknown>, betweenPlanAndBatches: () => Promise<void> = async () => {}) {
  const plan = await planRun(planEvent, lambdaContext('plan-run'));
  await betweenPlanAndBatches();
  const run = { runId: plan.runId, quarter: plan.quarter, ruleSetVersions: plan.ruleSetVersions };
  const batches = JSON.parse(await bucket.objects.get(plan.batchesKey)) as { countyId: string; villageIds: string[] }[];
  const counties = JSON.parse(await bucket.objects.get(plan.countiesKey)) as { countyId: string }[];
  const batchEvents = batches.map((batch) => ({ ...run, countyId: batch.countyId, villageIds: batch.villageIds }));
  const batchResults = await Promise.all(batchEvents.map((event) => scoreBatch(event, lambdaContext('score-village-batch'))));
  const countyResults = [];
  for (const { countyId } of counties) {
    const aggregate = await aggregateCounty({ ...run, countyId }, lambdaContext('aggregate-county'));
    const accountability = await accountCounty({ ...run, countyId }, lambdaContext('account-county'));
    countyResults.push({ ...run, countyId, aggregate, accountability });
  }
  const record = await finishRun(
    {
      ...run,
      startedAt: plan.startedAt,
      batchResults: await writeMapRunResults(bucket.objects, 'ScoreVillages', RESULT_PREFIXES.villages, batchResults.map((output, i) => succeededChild(i, batchEvents[i], output))),
      countyResults: await writeMapRunResults(bucket.objects, 'RollUpCounties', RESULT_PREFIXES.counties, countyResults.map((output, i) => succeededChild(i, counties[i], output))),
    },
    lambdaContext('finish-run'),
  );
  return { plan, batches, counties, batchEvents, batchResults, record };
}

let inMemory: Awaited<ReturnType<typeof scoreFolderInMemory>>;
let stepFunctions: Awaited<ReturnType<typeof runStateMachine>>;
let exported: RunExport;

beforeAll(async () => {
  stores = dynamo.stores();
  await importDataset(stores, await readDatasetFolder(EXAMPLE));
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  configureFunctions(dynamo.endpoint, dynamo.tableName, bucket);
  planRun = (await import('../../functions/plan-run.js')).handler;
  scoreBatch = (await import('../../functions/score-village-batch.js')).handler;
  aggregateCounty = (await import('../../functions/aggregate-county.js')).handler;
  accountCounty = (await import('../../functions/account-county.js')).handler;
  finishRun = (await import('../../functions/finish-run.js')).handler;

  inMemory = await scoreFolderInMemory(EXAMPLE, '2018Q4', EVALUATORS.compiled);
  // A version published while the run is under way must not reach it: the plan pinned v1.
  const householdExit = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
  stepFunctions = await runStateMachine(taskEvent('plan-run'), () =>
    stores.ruleSets.publish(publishEntry({ ...householdExit, version: 2, changeNote: 'published mid-run' }, 'test', 'v2', new Date())),
  );
  exported = await exportRun(stores, '2018Q4', 2018);
});

describe('the nightly run through the task functions', () => {
  it('gives the verdicts, scores and lists of the in-memory pipeline', () => {
    expect(exported.verdicts).toEqual(inMemory.output.verdicts);
    expect(exported.scores).toEqual(inMemory.output.scores);
    expect(exported.lists).toEqual(inMemory.output.lists);
  });

  it('plans every village in batches and every county once, in the bucket, and returns only their keys', () => {
    const { plan, batches, counties } = stepFunctions;
    expect(batches.flatMap((b) => b.villageIds).sort()).toEqual(inMemory.dataset.villages.map((v) => v.villageId).sort());
    expect(counties.map((c) => c.countyId).sort()).toEqual(['C-C', 'C-W']);
    expect(batches.every((b) => b.villageIds.length <= 25)).toBe(true);
    expect(plan).toMatchObject({ batchCount: batches.length, countyCount: 2, villageCount: inMemory.dataset.villages.length });
    expect(Object.keys(plan).sort()).toEqual(['batchCount', 'batchesKey', 'countiesKey', 'countyCount', 'quarter', 'ruleSetVersions', 'runId', 'startedAt', 'villageCount']);
  });

  it('keeps the versions the plan pinned when a newer version is published mid-run', () => {
    expect(stepFunctions.plan.ruleSetVersions['household-exit']).toBe(1);
    expect(new Set(exported.verdicts.filter((v) => v.ruleSetId === 'household-exit').map((v) => v.ruleSetVersion))).toEqual(new Set([1]));
  });

  it('records the run as succeeded, with the versions and writes of the run', async () => {
    const { record, plan } = stepFunctions;
    expect(record).toMatchObject({ runId: plan.runId, quarter: '2018Q4', status: 'succeeded', ruleSetVersions: plan.ruleSetVersions, failedVillages: [] });
    expect(record.writes).toEqual(inMemory.run.writes);
    expect(await stores.runs.getRun(plan.runId)).toEqual(record);
  });

  it('replays a batch result to a retry of the same batch instead of scoring it again', async () => {
    const [event] = stepFunctions.batchEvents;
    const [first] = stepFunctions.batchResults;
    expect(first!.verdictWrites).toBeGreaterThan(0);
    // Scoring again would write nothing (the verdicts are unchanged): a replay returns the first result.
    expect(await scoreBatch(event, lambdaContext('score-village-batch'))).toEqual(first);
    expect((await scoreBatch({ ...event!, runId: 'another-run' }, lambdaContext('score-village-batch'))).verdictWrites).toBe(0);
  });

  it('pins the newer version in the next run', async () => {
    const plan = await planRun(taskEvent('plan-run', { runId: 'next-run' }), lambdaContext('plan-run'));
    expect(plan.ruleSetVersions['household-exit']).toBe(2);
  });

  it('reads the quarter of the scheduled start on the Asia/Shanghai clock when none is given', async () => {
    const plan = await planRun(taskEvent('plan-run', { runId: 'scheduled', request: { scheduledTime: '2018-12-31T18:00:00Z' } }), lambdaContext('plan-run'));
    expect(plan.quarter).toBe('2019Q1');
  });

  it('refuses an input the state machine would never send', async () => {
    await expect(scoreBatch({ runId: 'r', quarter: '2018Q4' }, lambdaContext())).rejects.toMatchObject({ code: 'TASK_INPUT_INVALID' });
  });
});
