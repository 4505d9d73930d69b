import { message } from '../../i18n/messages.js';
import { randomUUID } from 'node:crypto';
import { openDatasetFolder } from '../../adapters/file/read-dataset-folder.js';
import { JudgedVerdictSpill } from '../../adapters/memory/judged-verdicts.js';
import { HeldVerdictSpill } from '../../adapters/memory/held-verdict-spill.js';
import { streamRun } from '../../use-cases/export-run.js';
import { evaluatorNamed, LANG_OPTION, langOption, PROGRESS_OPTION, progressOption } from '../options/run-options.js';
import { embeddedFolder, openStores, STORE_OPTIONS } from '../wiring/open-stores.js';
import { codeBuild } from '../wiring/code-build.js';
import { JudgedLinesCache } from '../../adapters/file/judged-lines-cache.js';
import type { UnchangedVillages } from '../../use-cases/nightly/village-inputs.js';
import { join } from 'node:path';
import { NamesReadAhead } from '../../reports/names-read-ahead.js';
import { parseOptions, quarterOption, required, printHelp } from '../options/command-line.js';
import { householdsRead, scoringProgress } from '../run/progress.js';
import { exitCodeOf, lastLine, removalLines, statusWithRejections } from '../run/run-outcome.js';
import { printReports, writeRunFiles } from '../run/run-files.js';
import { lastDayOfQuarter } from '../../kernel/quarter.js';
import { rejectedRowIn } from '../../records/parsing/rejected-row.js';
import { importAndRun } from '../../use-cases/scoring/score-dataset.js';

/**
 * On the embedded store, a village whose inputs are unchanged since the run that stored it is
 * kept as stored when the folder's cache (`judged/`) holds its lines from those inputs: they go
 * to the output as they were. The embedded store's household listing is never behind its
 * rosters, which the marks rely on; other stores judge every village.
 */
async function keptFromCache(values: Parameters<typeof embeddedFolder>[0], judged: JudgedVerdictSpill): Promise<{ cache: JudgedLinesCache; villages: UnchangedVillages; kept: () => number } | null> {
  const folder = embeddedFolder(values);
  if (folder === null) return null;
  const cache = await JudgedLinesCache.open(join(folder, 'judged'));
  let kept = 0;
  const keep = (villageId: string, inputs: string): boolean => {
    const lines = cache.lines(villageId, inputs);
    if (lines === null) return false;
    judged.keep(villageId, inputs, lines);
    kept += 1;
    return true;
  };
  return { cache, villages: { build: codeBuild(), keep }, kept: () => kept };
}

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
    ...PROGRESS_OPTION,
  });
  const lang = langOption(values);
  if (values.help) return printHelp(lang, 'help.score');
  const data = required(values, 'data');
  const out = required(values, 'out');
  const quarter = quarterOption(values);
  const evaluator = evaluatorNamed(String(values.evaluator));
  const progress = progressOption(values, lang);
  const now = () => new Date();
  const startedAt = now();
  // The store starts (the embedded one in its own process) while the dataset's small files are read.
  const [opening, reading] = await Promise.allSettled([openStores(values, { rules: values.rules, evaluator }), openDatasetFolder(data)]);
  if (reading.status === 'rejected') {
    if (opening.status === 'fulfilled') await opening.value.close();
    throw reading.reason;
  }
  if (opening.status === 'rejected') throw opening.reason;
  const [opened, dataset] = [opening.value, reading.value];
  try {
    const asOf = lastDayOfQuarter(quarter);
    await opened.seedRuleSets(startedAt);
    const context = await opened.contexts.inForce(quarter);
    // Households stream from the file into the store; the other kinds are small and read whole.
    const mode = values.upsert ? 'upsert' : 'snapshot';
    const onProgress = scoringProgress(progress('score'));
    const households = householdsRead(dataset.households, dataset.householdsBytes, progress);
    // The villages' verdicts as judged go to a scratch file for the export, so it does not read them back.
    const judged = new JudgedVerdictSpill();
    const unchanged = await keptFromCache(values, judged);
    const result = await importAndRun(opened.stores, context, dataset.frame, { runId: randomUUID(), now, onProgress, onVillageVerdicts: judged.add, ...(unchanged && { unchanged: unchanged.villages }) }, households, mode);
    for (const row of dataset.rejected) process.stderr.write(`${message(lang, 'run.rejectedRow', { row: rejectedRowIn(lang, row) })}\n`);
    for (const line of removalLines(lang, result.imported.removed)) process.stderr.write(`${line}\n`);
    const { imported } = result;
    const accepted = imported.counties + imported.townships + imported.villages + imported.units + imported.households + imported.cards;
    const status = statusWithRejections(result.run.status, dataset.rejected.length);
    const exportStarted = now();
    // Verdicts stream to the file, never all held at once; the dataset's counties only. The
    // villages' come from the scratch file, the counties' (and any village not judged) from the
    // store; the village verdicts, which go out last, wait in another scratch file.
    const countyIds = dataset.frame.counties.map((c) => c.countyId);
    // A store in another process reads the reports' household names while this one exports.
    const names = opened.persistent ? NamesReadAhead.start(opened.stores.records) : opened.stores.records;
    await writeRunFiles(out, await streamRun(opened.stores, quarter, context.year, countyIds, judged, () => new HeldVerdictSpill()), {
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
    }, progress('export'));
    await unchanged?.cache.save(judged.marked());
    const scored = { households: imported.households, villages: imported.villages, counties: imported.counties, rejected: dataset.rejected.length, verdicts: result.run.writes.verdicts, out };
    process.stderr.write(`${message(lang, 'run.scored', scored)}\n`);
    if (unchanged && unchanged.kept() > 0) process.stderr.write(`${message(lang, 'run.kept', { villages: unchanged.kept() })}\n`);
    await printReports(out, names, lang, { persistent: opened.persistent, quarter, countyId: countyIds[0], db: values.db });
    process.stderr.write(`${lastLine(lang, status, dataset.rejected.length)}\n`);
    return exitCodeOf(status);
  } finally {
    await opened.close();
  }
}
