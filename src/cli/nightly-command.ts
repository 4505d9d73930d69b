import { randomUUID } from 'node:crypto';
import { lastDayOfQuarter } from '../engine/quarter.js';
import { exportRun } from '../use-cases/export-run.js';
import { runNightly } from '../use-cases/nightly/run-nightly.js';
import { evaluatorNamed } from './evaluator-option.js';
import { LANG_OPTION, langHelp, langOption } from './lang-option.js';
import { openStores, STORE_HELP, STORE_OPTIONS } from './open-stores.js';
import { parseOptions, quarterOption } from './parse-options.js';
import { progressPrinter } from './progress-printer.js';
import { printReports, writeRunFiles } from './run-files.js';
import { exitCodeOf, lastLine } from './run-outcome.js';
import { printHelp } from './score-command.js';

export const NIGHTLY_HELP = `Usage: tuopin nightly --quarter 2018Q4 [options]

Runs the nightly pipeline on what the store holds: plan → score villages in batches →
aggregate counties → accountability → run record. Verdicts are written only where they
changed. Prints the run record as JSON; with --out, writes the quarter's output files, report.xlsx
and accountability.pdf there and prints the readable summary instead. The outcome is said on
stderr's last line. Rows rejected by the last import of a county keep the items that need them
unknown. Exit status: 0 succeeded, 3 succeeded with rejected rows, 1 failed, 2 usage error.

Options:
  --quarter Q       the quarter of the run
${STORE_HELP}
  --rules DIR       judge with the rule sets of this folder instead of the store's
  --evaluator NAME  compiled (default) or reference
  --out DIR         write the output files and reports of the run to this folder
${langHelp()}
  -h, --help        this text`;

/** `tuopin nightly`. */
export async function nightlyCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    quarter: { type: 'string' },
    rules: { type: 'string' },
    evaluator: { type: 'string', default: 'compiled' },
    out: { type: 'string' },
    ...STORE_OPTIONS,
    ...LANG_OPTION,
  });
  if (values.help) return printHelp(NIGHTLY_HELP);
  const quarter = quarterOption(values);
  const evaluator = evaluatorNamed(String(values.evaluator));
  const lang = langOption(values);
  const opened = await openStores(values, { rules: values.rules, evaluator });
  try {
    const now = () => new Date();
    const startedAt = now();
    const asOf = lastDayOfQuarter(quarter);
    await opened.seedRuleSets(startedAt);
    const context = await opened.contexts.inForce(quarter);
    const run = await runNightly(opened.stores, context, { runId: randomUUID(), now, onProgress: progressPrinter() });
    if (values.out === undefined) {
      process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    } else {
      const exported = await exportRun(opened.stores, quarter, context.year);
      const files = { quarter, year: context.year, asOf, evaluator: evaluator.name, store: opened.location, run, stageSeconds: run.stageSeconds, startedAt, finishedAt: now() };
      await writeRunFiles(values.out, exported, files);
      await printReports(values.out, opened.stores.records, lang, { persistent: opened.persistent, quarter, countyId: (await opened.stores.records.listCounties())[0]?.countyId, db: values.db });
    }
    process.stderr.write(`${lastLine(run.status, run.rejectedRows ?? 0)}\n`);
    return exitCodeOf(run.status);
  } finally {
    await opened.close();
  }
}
