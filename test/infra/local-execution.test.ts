import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProvisionedThroughputExceededException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../src/adapters/file/read-dataset-folder.js';
import type { RunRecord } from '../../src/ports/run-store.js';
import type { Stores } from '../../src/ports/stores.js';
import { importDataset } from '../../src/use-cases/import/import-dataset.js';
import { seedRuleSets } from '../../src/use-cases/seed-rule-sets.js';
import { useDynalite } from '../helpers/dynalite.js';
import { startLocalNightly, type LocalExecutionResult, type LocalNightly } from '../helpers/local-sfn/nightly-execution.js';
import { repositoryRuleSets } from '../helpers/repository-rule-sets.js';

/*
 * The deployed state machine's definition, executed: synthesized from the stack, interpreted by
 * aws-local-stepfunctions with the Distributed Map shim of test/helpers/local-sfn, the five task
 * handlers on dynalite and the bucket on a local S3-compatible server. The outputs must be the
 * bytes `tuopin score` writes for the same data, through a batch that fails once and is retried.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(root, 'data/sample-county');
const FAILING_VILLAGE = '513336-02-005';
const work = mkdtempSync(join(tmpdir(), 'tuopin-local-sfn-'));
const dynamo = useDynalite();
const OUTPUT_FILES = ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl'];
const execFileAsync = promisify(execFile);
const exported = join(work, 'exported');
const scored = join(work, 'scored');

/** Runs the command as a clerk would, in its own process. */
async function tuopin(...args: string[]): Promise<void> {
  try {
    await execFileAsync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, maxBuffer: 1 << 26 });
  } catch (error) {
    // Exit 3: a run that succeeded with rejected rows; its files are written all the same.
    if ((error as { code?: unknown }).code === 3) return;
    throw new Error(`tuopin ${args.join(' ')} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

/** Adds a middleware to a function's client that throws a throttling error for the requests `fails` picks. */
function throttle(client: DynamoDBClient, fails: (command: string, input: string) => boolean) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (fails(context.commandName ?? '', JSON.stringify(args.input))) {
        throw new ProvisionedThroughputExceededException({ message: 'injected: the request rate is too high', $metadata: {} });
      }
      return next(args);
    },
    { step: 'build', name: 'injectedThrottle' },
  );
}

let stores: Stores;
let clean: LocalNightly;
let faulty: LocalNightly;
let retried: LocalExecutionResult;
let failedForGood: LocalExecutionResult;
let idempotencyPutsFailed = 0;

beforeAll(async () => {
  stores = dynamo.stores();
  await importDataset(stores, await readDatasetFolder(SAMPLE));
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  // The first batch to start cannot record that it started (its idempotency record's PutItem is
  // throttled): its task fails, and the ScoreVillageBatch Retry of the definition takes it up again.
  clean = await startLocalNightly({
    dynamoEndpoint: dynamo.endpoint,
    tableName: dynamo.tableName,
    fault: (name, client) => {
      if (name !== 'score-village-batch') return;
      throttle(client, (command, input) => command === 'PutItemCommand' && input.includes('score-village-batch#') && (idempotencyPutsFailed += 1) === 1);
    },
  });
  retried = await clean.execute({ quarter: '2018Q4' }, 'run-with-a-retried-batch');
  // What the store holds after that run, as tuopin export writes it, and what tuopin score writes.
  await Promise.all([
    tuopin('export', '--quarter', '2018Q4', '--out', exported, '--endpoint', dynamo.endpoint, '--table', dynamo.tableName),
    tuopin('score', '--data', SAMPLE, '--quarter', '2018Q4', '--out', scored, '--store', 'memory'),
  ]);
  // Another run where one village's households can never be read: the village fails for good.
  faulty = await startLocalNightly({
    dynamoEndpoint: dynamo.endpoint,
    tableName: dynamo.tableName,
    fault: (name, client) => {
      if (name === 'score-village-batch') throttle(client, (command, input) => command === 'QueryCommand' && input.includes(`VILLAGE#${FAILING_VILLAGE}#HOUSEHOLDS`));
    },
  });
  failedForGood = await faulty.execute({ quarter: '2018Q4' }, 'run-with-a-failing-village');
}, 600_000);

afterAll(async () => {
  await clean?.close();
  await faulty?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the deployed nightly state machine, executed locally', () => {
  it('writes the bytes tuopin score writes for the same county, although a batch failed once', () => {
    expect(retried.failure).toBeNull();
    expect(idempotencyPutsFailed).toBeGreaterThan(1);
    expect(retried.summary.retries).toBe(1);
    for (const file of OUTPUT_FILES) {
      const expected = readFileSync(join(scored, file));
      expect(expected.length).toBeGreaterThan(0);
      expect(readFileSync(join(exported, file)).equals(expected), file).toBe(true);
    }
  });

  it('records the retried run as succeeded, with the writes summed from the Maps\' result files', async () => {
    const record = (await stores.runs.getRun('run-with-a-retried-batch')) as RunRecord;
    expect(record).toMatchObject({ status: 'succeeded', failedVillages: [] });
    expect(record.writes.verdicts).toBeGreaterThan(5_000);
    expect(record.writes.scores).toBeGreaterThan(0);
  });

  it('keeps every list out of the state: the plan and results are in the bucket, the state holds keys', () => {
    const keys = [...clean.s3.objects.keys()];
    expect(keys.filter((key) => key.includes('/nightly/plans/run-with-a-retried-batch/')).length).toBe(2);
    expect(keys.some((key) => /\/nightly\/results\/villages\/[^/]+\/manifest\.json$/.test(key))).toBe(true);
    expect(keys.some((key) => /\/nightly\/results\/counties\/[^/]+\/SUCCEEDED_0\.json$/.test(key))).toBe(true);
    expect(retried.summary.largestPayloadBytes).toBeLessThan(2_000);
    // The plan, two Maps, the finish, the choice; 2 batches of 25 and 1 county as children.
    expect(retried.summary.executions).toBe(1 + 2 + 1);
  });

  it('reports a village that fails for good in the run record and fails the execution', async () => {
    expect(failedForGood.failure).toMatchObject({ error: 'RunFailed' });
    const record = (await stores.runs.getRun('run-with-a-failing-village')) as RunRecord;
    expect(record.status).toBe('failed');
    expect(record.failedVillages).toEqual([{ villageId: FAILING_VILLAGE, error: expect.stringContaining('ProvisionedThroughputExceededException') }]);
  });
});
