import { randomUUID } from 'node:crypto';
import { openDatasetFolder } from '../adapters/file/read-dataset-folder.js';
import { lastDayOfQuarter } from '../engine/quarter.js';
import { formatRejectedRow } from '../records/rejected-row.js';
import { importAndRun } from '../use-cases/score-dataset.js';
import { streamRun } from '../use-cases/export-run.js';
import { evaluatorNamed } from './evaluator-option.js';
import { LANG_OPTION, langHelp, langOption } from './lang-option.js';
import { openStores, STORE_HELP, STORE_OPTIONS } from './open-stores.js';
import { parseOptions, quarterOption, required } from './parse-options.js';
import { progressPrinter } from './progress-printer.js';
import { removalLines } from './removal-text.js';
import { exitCodeOf, lastLine, statusWithRejections } from './run-outcome.js';
import { printReports, writeRunFiles } from './run-files.js';

export const SCORE_HELP = `Usage: tuopin score --data DIR --quarter 2018Q4 --out DIR [options]

Imports a dataset folder into the store, runs the nightly pipeline on it (every record judged
by the standards that apply to its status) and exports verdicts.jsonl, scores.jsonl,
accountability.jsonl and summary.json to --out, then report.xlsx and accountability.pdf beside
them, and prints the readable summary.

Options:
  --data DIR        dataset folder: counties, townships, villages, households
                    (+ optional units, card-history), each as .jsonl, .csv or
                    .xlsx, or one .xlsx workbook with a sheet per kind
  --quarter Q       the quarter of the run, like 2018Q4; its year is the assessment year
                    and its last day selects the rule-set versions in force
  --out DIR         folder for the output files (created if needed)
  --upsert          import by adding and replacing records only; by default the dataset is the
                    full registry of its counties and what they no longer hold is removed
${STORE_HELP}
  --rules DIR       judge with the rule sets of this folder instead of the store's
  --evaluator NAME  compiled (default) or reference (json-rules-engine itself)
${langHelp()}
  -h, --help        this text

Rejected rows are listed on stderr and in summary.json; the villages and counties they belong
to are unknown for the items that need them. A dataset with no household is refused.
Exit status: 0 when the run succeeded, 3 when it completed with rejected rows (status
succeeded-with-rejected-rows, said on the last line), 1 when it failed or the dataset was
refused, 2 for a usage error.`;

/** `tuopin score`: import → nightly → export. */
export async function scoreCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    data: { type: 'string' },
    quarter: { type: 'string' },
    out: { type: 'string' },
    rules: { type: 'string' },
    upsert: { type: 'boolean', default: false },
    evaluator: { type: 'string', default: 'compiled' },
    ...STORE_OPTIONS,
    ...LANG_OPTION,
  });
  if (values.help) return printHelp(SCORE_HELP);
  const data = required(values, 'data');
  const out = required(values, 'out');
  const quarter = quarterOption(values);
  const evaluator = evaluatorNamed(String(values.evaluator));
  const lang = langOption(values);
  const now = () => new Date();
  const startedAt = now();
  const dataset = await openDatasetFolder(data);
  const opened = await openStores(values, { rules: values.rules, evaluator });
  try {
    const asOf = lastDayOfQuarter(quarter);
    await opened.seedRuleSets(startedAt);
    const context = await opened.contexts.inForce(quarter);
    // Households stream from the file into the store; the other kinds are small and read whole.
    const mode = values.upsert ? 'upsert' : 'snapshot';
    const result = await importAndRun(opened.stores, context, dataset.frame, { runId: randomUUID(), now, onProgress: progressPrinter() }, dataset.households, mode);
    for (const row of dataset.rejected) process.stderr.write(`rejected ${formatRejectedRow(row)}\n`);
    for (const line of removalLines(result.imported.removed)) process.stderr.write(`${line}\n`);
    const { imported } = result;
    const accepted = imported.counties + imported.townships + imported.villages + imported.units + imported.households + imported.cards;
    const status = statusWithRejections(result.run.status, dataset.rejected.length);
    const exportStarted = now();
    // Verdicts stream from the store to the file, never all held at once; the dataset's counties only.
    const countyIds = dataset.frame.counties.map((c) => c.countyId);
    await writeRunFiles(out, await streamRun(opened.stores, quarter, context.year, countyIds), {
      quarter,
      year: context.year,
      asOf,
      evaluator: evaluator.name,
      store: opened.location,
      run: { ...result.run, status },
      rows: { accepted, rejected: dataset.rejected.length },
      rejected: dataset.rejected,
      removed: result.imported.removed,
      stageSeconds: () => ({ ...result.stageSeconds, export: (now().getTime() - exportStarted.getTime()) / 1000 }),
      startedAt,
      finishedAt: now,
    });
    process.stderr.write(
      `scored ${result.imported.households} households in ${result.imported.villages} villages of ${result.imported.counties} counties; ` +
        `${dataset.rejected.length} rows rejected; ${result.run.writes.verdicts} verdicts written; output in ${out}\n`,
    );
    await printReports(out, opened.stores.records, lang, { persistent: opened.persistent, quarter, countyId: countyIds[0], db: values.db });
    process.stderr.write(`${lastLine(status, dataset.rejected.length)}\n`);
    return exitCodeOf(status);
  } finally {
    await opened.close();
  }
}

export function printHelp(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
