import { randomUUID } from 'node:crypto';
import { openDatasetFolder } from '../adapters/file/read-dataset-folder.js';
import { lastDayOfQuarter } from '../engine/quarter.js';
import { formatRejectedRow } from '../records/rejected-row.js';
import { createScoringContext } from '../use-cases/scoring-context.js';
import { importAndRun } from '../use-cases/score-dataset.js';
import { streamRun } from '../use-cases/export-run.js';
import { evaluatorNamed } from './evaluator-option.js';
import { openStores, STORE_HELP, STORE_OPTIONS } from './open-stores.js';
import { parseOptions, quarterOption, required } from './parse-options.js';
import { progressPrinter } from './progress-printer.js';
import { ruleSetsForRun } from './rule-set-source.js';
import { writeRunFiles } from './run-files.js';

export const SCORE_HELP = `Usage: tuopin score --data DIR --quarter 2018Q4 --out DIR [options]

Imports a dataset folder into the store, runs the nightly pipeline on it (every record judged
by the standards that apply to its status) and exports verdicts.jsonl, scores.jsonl,
accountability.jsonl and summary.json to --out.

Options:
  --data DIR        dataset folder: counties, townships, villages, households
                    (+ optional units, card-history), each as .jsonl or .csv
  --quarter Q       the quarter of the run, like 2018Q4; its year is the assessment year
                    and its last day selects the rule-set versions in force
  --out DIR         folder for the output files (created if needed)
${STORE_HELP}
  --rules DIR       judge with the rule sets of this folder instead of the store's
  --evaluator NAME  compiled (default) or reference (json-rules-engine itself)
  -h, --help        this text

Rejected rows are listed on stderr and in summary.json. Exit status: 0 when the run
completed (even with rejected rows), 1 when it failed, 2 for a usage error.`;

/** `tuopin score`: import → nightly → export. */
export async function scoreCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    data: { type: 'string' },
    quarter: { type: 'string' },
    out: { type: 'string' },
    rules: { type: 'string' },
    evaluator: { type: 'string', default: 'compiled' },
    ...STORE_OPTIONS,
  });
  if (values.help) return printHelp(SCORE_HELP);
  const data = required(values, 'data');
  const out = required(values, 'out');
  const quarter = quarterOption(values);
  const evaluator = evaluatorNamed(String(values.evaluator));
  const now = () => new Date();
  const startedAt = now();
  const dataset = await openDatasetFolder(data);
  const opened = await openStores(values);
  try {
    const asOf = lastDayOfQuarter(quarter);
    const context = createScoringContext(await ruleSetsForRun(opened, values.rules, asOf, startedAt), quarter, evaluator);
    // Households stream from the file into the store; the other kinds are small and read whole.
    const result = await importAndRun(opened.stores, context, dataset.frame, { runId: randomUUID(), now, onProgress: progressPrinter() }, dataset.households);
    for (const row of dataset.rejected) process.stderr.write(`rejected ${formatRejectedRow(row)}\n`);
    const { imported } = result;
    const accepted = imported.counties + imported.townships + imported.villages + imported.units + imported.households + imported.cards;
    const exportStarted = now();
    // Verdicts stream from the store to the file, never all held at once.
    await writeRunFiles(out, await streamRun(opened.stores, quarter, context.year), {
      quarter,
      year: context.year,
      asOf,
      evaluator: evaluator.name,
      store: opened.location,
      run: result.run,
      rows: { accepted, rejected: dataset.rejected.length },
      rejected: dataset.rejected,
      stageSeconds: () => ({ ...result.stageSeconds, export: (now().getTime() - exportStarted.getTime()) / 1000 }),
      startedAt,
      finishedAt: now,
    });
    process.stderr.write(
      `scored ${result.imported.households} households in ${result.imported.villages} villages of ${result.imported.counties} counties; ` +
        `${dataset.rejected.length} rows rejected; ${result.run.writes.verdicts} verdicts written; output in ${out}\n`,
    );
    return result.run.status === 'succeeded' ? 0 : 1;
  } finally {
    await opened.close();
  }
}

export function printHelp(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
