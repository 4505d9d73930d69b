import { message } from '../../i18n/messages.js';
import { openDatasetFolder } from '../../adapters/file/read-dataset-folder.js';
import { openStores, STORE_OPTIONS } from '../wiring/open-stores.js';
import { parseOptions, printHelp, required } from '../options/command-line.js';
import { LANG_OPTION, langOption, PROGRESS_OPTION, progressOption } from '../options/run-options.js';
import { householdsRead } from '../run/progress.js';
import { exitCodeOf, lastLine, removalLines, statusWithRejections } from '../run/run-outcome.js';
import { rejectedRowIn } from '../../records/parsing/rejected-row.js';
import { importDataset } from '../../use-cases/import/import-dataset.js';

/** `tuopin import`. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { data: { type: 'string' }, upsert: { type: 'boolean', default: false }, ...STORE_OPTIONS, ...LANG_OPTION, ...PROGRESS_OPTION });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.import');
  const progress = progressOption(values, lang);
  const dataset = await openDatasetFolder(required(values, 'data'));
  const opened = await openStores(values);
  try {
    // A store is set up with the reviewed rule sets before its first data, as score and nightly do.
    await opened.seedRuleSets();
    const counts = await importDataset(opened.stores, dataset.frame, householdsRead(dataset.households, dataset.householdsBytes, progress), values.upsert ? 'upsert' : 'snapshot');
    for (const row of dataset.rejected) process.stderr.write(`${message(lang, 'run.rejectedRow', { row: rejectedRowIn(lang, row) })}\n`);
    for (const line of removalLines(lang, counts.removed)) process.stdout.write(`${line}\n`);
    const { counties, townships, villages, units, households, cards } = counts;
    const imported = { counties, townships, villages, units, households, cards, store: opened.location, rejected: dataset.rejected.length };
    process.stdout.write(`${message(lang, 'run.imported', imported)}\n`);
    const status = statusWithRejections('succeeded', dataset.rejected.length);
    process.stdout.write(`${lastLine(lang, status, dataset.rejected.length)}\n`);
    return exitCodeOf(status);
  } finally {
    await opened.close();
  }
}
