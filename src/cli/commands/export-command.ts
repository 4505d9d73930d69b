import { lastDayOfQuarter, parseQuarter } from '../../engine/quarter.js';
import { streamRun } from '../../use-cases/export-run.js';
import { LANG_OPTION, langHelp, langOption, PROGRESS_OPTION, progressHelp, progressOption } from '../options/run-options.js';
import { openStores, STORE_HELP, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, quarterOption, required, printHelp } from '../options/command-line.js';
import { printReports, writeRunFiles } from '../run/run-files.js';

export const EXPORT_HELP = `Usage: tuopin export --quarter 2018Q4 --out DIR [options]

Writes what the store holds for the quarter as the output files of a run: verdicts.jsonl,
scores.jsonl, accountability.jsonl and summary.json (with the quarter's latest run record), then
report.xlsx and accountability.pdf beside them, and prints the readable summary.

Options:
  --quarter Q       the quarter
  --out DIR         folder for the output files
${STORE_HELP}
${langHelp()}
${progressHelp()}
  -h, --help        this text`;

/** `tuopin export`. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { quarter: { type: 'string' }, out: { type: 'string' }, ...STORE_OPTIONS, ...LANG_OPTION, ...PROGRESS_OPTION });
  if (values.help) return printHelp(EXPORT_HELP);
  const quarter = quarterOption(values);
  const out = required(values, 'out');
  const lang = langOption(values);
  const progress = progressOption(values, lang);
  const opened = await openStores(values);
  try {
    const startedAt = new Date();
    const { year } = parseQuarter(quarter);
    const exported = await streamRun(opened.stores, quarter, year);
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
    process.stderr.write(`exported ${verdicts} verdicts, ${exported.scores.length} scores, ${exported.lists.length} list rows to ${out}\n`);
    await printReports(out, opened.stores.records, lang, { persistent: opened.persistent, quarter, countyId: (await opened.stores.records.listCounties())[0]?.countyId, db: values.db });
    return 0;
  } finally {
    await opened.close();
  }
}
