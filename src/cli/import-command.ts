import { openDatasetFolder } from '../adapters/file/read-dataset-folder.js';
import { formatRejectedRow } from '../records/rejected-row.js';
import { importDataset } from '../use-cases/import-dataset.js';
import { openStores, STORE_HELP, STORE_OPTIONS } from './open-stores.js';
import { parseOptions, required } from './parse-options.js';
import { removalLines } from './removal-text.js';
import { exitCodeOf, lastLine, statusWithRejections } from './run-outcome.js';
import { printHelp } from './score-command.js';

export const IMPORT_HELP = `Usage: tuopin import --data DIR [options]

Loads a dataset folder (JSON Lines or CSV) into the store. Bad rows are reported with file,
line, field and reason, and skipped; the good rows go in. Importing again upserts by id and
never duplicates.

A dataset is the full registry of the counties it holds: every township, village, assisting
unit and household of those counties that it no longer holds is removed from the store with
its verdicts (清退), and listed by village with its ids. Counties it does not hold are left
as they are. A row rejected today keeps its stored record, and the village or county it
belongs to stays unknown for the items that need it until a clean import. A dataset with no
household is refused. Exit status: 0 imported, 3 imported with rejected rows, 1 refused or
failed, 2 usage error.

Options:
  --data DIR        dataset folder
  --upsert          only add and replace records by id, remove nothing (a partial correction)
${STORE_HELP}
  -h, --help        this text`;

/** `tuopin import`. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { data: { type: 'string' }, upsert: { type: 'boolean', default: false }, ...STORE_OPTIONS });
  if (values.help) return printHelp(IMPORT_HELP);
  const dataset = await openDatasetFolder(required(values, 'data'));
  const opened = await openStores(values);
  try {
    // A store is set up with the reviewed rule sets before its first data, as score and nightly do.
    await opened.seedRuleSets();
    const counts = await importDataset(opened.stores, dataset.frame, dataset.households, values.upsert ? 'upsert' : 'snapshot');
    for (const row of dataset.rejected) process.stderr.write(`rejected ${formatRejectedRow(row)}\n`);
    for (const line of removalLines(counts.removed)) process.stdout.write(`${line}\n`);
    process.stdout.write(
      `imported into ${opened.location}: ${counts.counties} counties, ${counts.townships} townships, ${counts.villages} villages, ` +
        `${counts.units} assisting units, ${counts.households} households, ${counts.cards} cards; ${dataset.rejected.length} rows rejected\n`,
    );
    const status = statusWithRejections('succeeded', dataset.rejected.length);
    process.stdout.write(`${lastLine(status, dataset.rejected.length)}\n`);
    return exitCodeOf(status);
  } finally {
    await opened.close();
  }
}
