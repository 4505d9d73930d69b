import { randomUUID } from 'node:crypto';
import { exportRun } from '../../use-cases/export-run.js';
import { runNightly } from '../../use-cases/nightly/run-nightly.js';
import { evaluatorNamed, LANG_OPTION, langOption, PROGRESS_OPTION, progressOption } from '../options/run-options.js';
import { openStores, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, quarterOption, printHelp } from '../options/command-line.js';
import { scoringProgress } from '../run/progress.js';
import { printReports, writeRunFiles } from '../run/run-files.js';
import { exitCodeOf, lastLine } from '../run/run-outcome.js';
import { lastDayOfQuarter } from '../../kernel/quarter.js';

/** `tuopin nightly`. */
export async function nightlyCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, {
    quarter: { type: 'string' },
    rules: { type: 'string' },
    evaluator: { type: 'string', default: 'compiled' },
    out: { type: 'string' },
    ...STORE_OPTIONS,
    ...LANG_OPTION,
    ...PROGRESS_OPTION,
  });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.nightly');
  const quarter = quarterOption(values);
  const evaluator = evaluatorNamed(String(values.evaluator));
  const progress = progressOption(values, lang);
  const opened = await openStores(values, { rules: values.rules, evaluator });
  try {
    const now = () => new Date();
    const startedAt = now();
    const asOf = lastDayOfQuarter(quarter);
    await opened.seedRuleSets(startedAt);
    const context = await opened.contexts.inForce(quarter);
    const run = await runNightly(opened.stores, context, { runId: randomUUID(), now, onProgress: scoringProgress(progress('score')) });
    if (values.out === undefined) {
      process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    } else {
      const exported = await exportRun(opened.stores, quarter, context.year);
      const files = { quarter, year: context.year, asOf, evaluator: evaluator.name, store: opened.location, run, stageSeconds: run.stageSeconds, startedAt, finishedAt: now() };
      await writeRunFiles(values.out, exported, files, progress('export'));
      await printReports(values.out, opened.stores.records, lang, { persistent: opened.persistent, quarter, countyId: (await opened.stores.records.listCounties())[0]?.countyId, db: values.db });
    }
    process.stderr.write(`${lastLine(lang, run.status, run.rejectedRows ?? 0)}\n`);
    return exitCodeOf(run.status);
  } finally {
    await opened.close();
  }
}
