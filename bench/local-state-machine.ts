import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDatasetFolder } from '../src/adapters/file/read-dataset-folder.js';
import { openDynamoRoot } from '../src/composition/open-dynamo-root.js';
import { EVALUATORS } from '../src/engine/evaluators.js';
import { importDataset } from '../src/use-cases/import/import-dataset.js';
import { seedRuleSets } from '../src/use-cases/seed-rule-sets.js';
import { startLocalNightly } from '../test/helpers/local-sfn/nightly-execution.js';
import { repositoryRuleSets } from '../test/helpers/repository-rule-sets.js';
import { benchProvince } from './bench-province.js';

const HELP = `Usage: npm run bench:sfn -- [--households N] [--seed S] [--quarter Q] [--json]

Executes the deployed nightly state machine (the definition synthesized from the stack, run by
aws-local-stepfunctions with the Distributed Map shim of test/helpers/local-sfn, the real task
handlers on the embedded store (opened through the composition root), the bucket on a local S3-compatible server) on a generated
province of small villages: 1–2 households each, so --households N (default 32000) makes
about N / 1.5 villages (21,000 by default) on one machine. Reports the run's villages, batches
and counties, its executions, the history events of the parent and of the busiest child (as
Step Functions counts them: 25,000 at most per execution), the largest state payload in bytes
(256 KiB at most), the run's status and the wall time of import and execution.
--json prints the results as one JSON object on the last line.`;

const STATE_LIMIT_BYTES = 256 * 1024;
const HISTORY_LIMIT_EVENTS = 25_000;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '32000' },
      seed: { type: 'string', default: '1' },
      quarter: { type: 'string', default: '2018Q4' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const households = Number(values.households);
  const seed = Number(values.seed);
  if (![households, seed].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write('bench:sfn: --households and --seed take positive whole numbers\n');
    return 2;
  }
  // Villages of 1–2 households: many villages on a machine that holds few households.
  const folder = await benchProvince({ seed, households, quarter: values.quarter, rates: { householdsPerVillage: [1, 2] } }, 'small-villages');

  // The embedded store through the composition root, its data in a scratch folder; the five
  // functions share its clients, as tuopin serve's handlers do.
  const scratch = await mkdtemp(join(tmpdir(), 'tuopin-bench-sfn-'));
  const tableName = 'tuopin-bench-sfn';
  const root = await openDynamoRoot({ store: 'dynamodb', embeddedDir: scratch, tableName, createTable: true, evaluator: EVALUATORS.compiled });
  let nightly: Awaited<ReturnType<typeof startLocalNightly>> | undefined;
  try {
    const { stores } = root;
    let started = Date.now();
    const dataset = await readDatasetFolder(folder);
    await importDataset(stores, dataset);
    await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
    const importSeconds = (Date.now() - started) / 1000;
    log(`imported ${dataset.households.length} households, ${dataset.villages.length} villages, ${dataset.counties.length} counties in ${importSeconds.toFixed(1)} s`);

    nightly = await startLocalNightly({ root, tableName });
    started = Date.now();
    const result = await nightly.execute({ quarter: values.quarter }, 'bench-province');
    const record = await stores.runs.getRun('bench-province');
    const summary = {
      households: dataset.households.length,
      villages: dataset.villages.length,
      counties: dataset.counties.length,
      status: record?.status ?? null,
      failure: result.failure,
      executions: result.summary.executions,
      parentEvents: result.summary.parentEvents,
      mostEventsInAChild: result.summary.mostEventsInAChild,
      childEvents: result.summary.childEvents,
      largestPayloadBytes: result.summary.largestPayloadBytes,
      withinStateLimit: result.summary.largestPayloadBytes <= STATE_LIMIT_BYTES,
      withinHistoryLimit: Math.max(result.summary.parentEvents, result.summary.mostEventsInAChild) < HISTORY_LIMIT_EVENTS,
      importSeconds,
      executionSeconds: result.seconds,
      verdictWrites: record?.writes.verdicts ?? null,
      failedVillages: record?.failedVillages.length ?? null,
      firstFailures: record?.failedVillages.slice(0, 3) ?? [],
    };
    for (const [key, value] of Object.entries(summary)) log(`${key}: ${JSON.stringify(value)}`);
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.withinStateLimit && summary.withinHistoryLimit && result.failure === null ? 0 : 1;
  } finally {
    await nightly?.close();
    await root.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
