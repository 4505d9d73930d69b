import { message } from '../../i18n/messages.js';
import { lastDayOfQuarter, parseQuarter } from '../../kernel/quarter.js';
import { streamRun } from '../../use-cases/export-run.js';
import { HeldVerdictSpill } from '../../adapters/memory/held-verdict-spill.js';
import { LANG_OPTION, langOption, PROGRESS_OPTION, progressOption } from '../options/run-options.js';
import { openStores, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, quarterOption, required, printHelp } from '../options/command-line.js';
import { printReports, writeRunFiles } from '../run/run-files.js';

/** `tuopin export`. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { quarter: { type: 'string' }, out: { type: 'string' }, ...STORE_OPTIONS, ...LANG_OPTION, ...PROGRESS_OPTION });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.export');
  const quarter = quarterOption(values);
  const out = required(values, 'out');
  const progress = progressOption(values, lang);
  const opened = await openStores(values);
  try {
    const startedAt = new Date();
    const { year } = parseQuarter(quarter);
    // The village verdicts, which go out last, wait in a scratch file rather than the heap.
    const exported = await streamRun(opened.stores, quarter, year, undefined, undefined, () => new HeldVerdictSpill());
    const runs = await opened.stores.runs.listRuns(quarter);
    const finishedAt = () => new Date();
    const verdicts = await writeRunFiles(out, exported, {
      quarter,
      year,
      asOf: lastDayOfQuarter(quarter),
      evaluator: 'stored',
      store: opened.location,
      run: runs.at(-1) ?? null,
      stageSeconds: () => ({ export: (finishedAt().getTime() - startedAt.getTime()) / 1000 }),
      startedAt,
      finishedAt,
    }, progress('export'));
    process.stderr.write(`${message(lang, 'run.exported', { verdicts, scores: exported.scores.length, lists: exported.lists.length, out })}\n`);
    await printReports(out, opened.stores.records, lang, { persistent: opened.persistent, quarter, countyId: (await opened.stores.records.listCounties())[0]?.countyId, db: values.db });
    return 0;
  } finally {
    await opened.close();
  }
}
