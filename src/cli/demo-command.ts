import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readDatasetFolder } from '../adapters/file/read-dataset-folder.js';
import { lastDayOfQuarter } from '../engine/quarter.js';
import { formatRejectedRow } from '../records/rejected-row.js';
import { exportRun } from '../use-cases/export-run.js';
import { importDataset } from '../use-cases/import-dataset.js';
import { runNightly } from '../use-cases/run-nightly.js';
import { createScoringContext } from '../use-cases/scoring-context.js';
import { demoReport } from './demo-report.js';
import { evaluatorNamed } from './evaluator-option.js';
import { openStores, STORE_HELP, STORE_OPTIONS } from './open-stores.js';
import { parseOptions } from './parse-options.js';
import { progressPrinter } from './progress-printer.js';
import { ruleSetsForRun } from './rule-set-source.js';
import { writeRunFiles } from './run-files.js';
import { printHelp } from './score-command.js';

const SAMPLE = fileURLToPath(new URL('../../data/sample-county', import.meta.url));

export const DEMO_HELP = `Usage: tuopin demo [options]

The nightly scoring of the sample county on the embedded store: imports data/sample-county,
publishes the reviewed rule sets on first run, runs the nightly pipeline for 2018Q4, writes
the output files to .tuopin/demo-out and prints a readable summary.

Options:
  --quarter Q       default 2018Q4
  --out DIR         default .tuopin/demo-out
${STORE_HELP}
  -h, --help        this text`;

/** `tuopin demo` (npm run demo). */
export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { quarter: { type: 'string', default: '2018Q4' }, out: { type: 'string', default: '.tuopin/demo-out' }, ...STORE_OPTIONS });
  if (values.help) return printHelp(DEMO_HELP);
  const quarter = String(values.quarter);
  const now = () => new Date();
  const startedAt = now();
  const dataset = await readDatasetFolder(SAMPLE);
  for (const row of dataset.rejected) process.stderr.write(`rejected ${formatRejectedRow(row)}\n`);
  const opened = await openStores(values);
  try {
    process.stderr.write(`store: ${opened.location}\n`);
    await importDataset(opened.stores, dataset);
    const ruleSets = await ruleSetsForRun(opened, undefined, lastDayOfQuarter(quarter), startedAt);
    const context = createScoringContext(ruleSets, quarter, evaluatorNamed('compiled'));
    const run = await runNightly(opened.stores, context, { runId: randomUUID(), now, onProgress: progressPrinter() });
    const exported = await exportRun(opened.stores, quarter, context.year);
    await writeRunFiles(String(values.out), exported, {
      quarter, year: context.year, asOf: lastDayOfQuarter(quarter), evaluator: 'compiled', store: opened.location, run,
      stageSeconds: run.stageSeconds, startedAt, finishedAt: now(),
    });
    const names = {
      villages: new Map(dataset.villages.map((v) => [v.villageId, v.name])),
      counties: new Map(dataset.counties.map((c) => [c.countyId, c.name])),
      units: new Map([...dataset.townships.map((t) => [t.townshipId, t.name] as const), ...dataset.units.map((u) => [u.unitId, u.name] as const)]),
    };
    process.stdout.write(demoReport(exported, run, ruleSets, names));
    process.stdout.write(`\noutput files: ${values.out}\n`);
    // The console reads the same store through tuopin serve, which prints the sign-in URLs.
    const county = dataset.counties[0]?.countyId ?? '';
    process.stdout.write(`console 控制台: npx tuopin serve, sign in with the URL it prints, then http://127.0.0.1:8080/?county=${county}&quarter=${quarter}\n`);
    return run.status === 'succeeded' ? 0 : 1;
  } finally {
    await opened.close();
  }
}
