import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatasetFolder } from '../src/adapters/file/read-dataset-folder.js';
import type { Household } from '../src/records/records.js';
import { EVALUATORS } from '../src/engine/evaluators.js';
import { lastDayOfQuarter } from '../src/engine/quarter.js';
import { loadRuleSetsInForce } from '../src/cli/rule-set-source.js';
import { createScoringContext } from '../src/use-cases/scoring-context.js';
import { writeProvince } from './generate-province.js';
import { measureEndToEnd } from './measure-end-to-end.js';
import { measureItemDecisions, measureVerdicts } from './measure-verdicts.js';
import { PeakMemory } from './peak-memory.js';

const HELP = `Usage: npm run bench -- [--households N] [--seed S] [--sample N] [--json]

Generates (or reuses) a synthetic province of N households (default 100000, seed 1) under
bench/data/, then in one run on the same data:
  1. household-exit verdicts per second with full explanations, compiled vs json-rules-engine
     (on the same --sample households, default 3000), and their ratio;
  2. the end-to-end nightly run on the embedded store from an empty folder (wall time, items
     written, time per stage, share of wall time spent evaluating);
  3. the re-run over the unchanged data (verdict items written: 0 expected);
  4. peak memory.
--json prints the results as one JSON object on the last line.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      sample: { type: 'string', default: '3000' },
      quarter: { type: 'string', default: '2018Q4' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const households = Number(values.households);
  const seed = Number(values.seed);
  const sample = Number(values.sample);
  if (![households, seed, sample].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write('bench: --households, --seed and --sample take positive whole numbers\n');
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const memory = new PeakMemory();
  const folder = fileURLToPath(new URL(`./data/province-${households}-seed-${seed}`, import.meta.url));
  if (!existsSync(`${folder}/households.jsonl`)) {
    log(`generating ${households} households (seed ${seed}) into ${folder}`);
    await writeProvince({ seed, households, quarter: values.quarter }, folder);
  }
  const ruleSets = await loadRuleSetsInForce(undefined, lastDayOfQuarter(values.quarter));
  // The sample for the verdict rates: the first households household-exit judges.
  const judged: Household[] = [];
  for await (const household of (await openDatasetFolder(folder)).households) {
    if (ruleSets['household-exit'].appliesTo?.statuses.includes(household.status)) judged.push(household);
    if (judged.length === sample) break;
  }
  log(`verdicts per second on ${judged.length} households…`);
  const reference = await measureVerdicts(createScoringContext(ruleSets, values.quarter, EVALUATORS.reference), EVALUATORS.reference, judged, 2);
  const compiled = await measureVerdicts(createScoringContext(ruleSets, values.quarter, EVALUATORS.compiled), EVALUATORS.compiled, judged, 2);
  const ratio = compiled.perSecond / reference.perSecond;
  const itemsReference = await measureItemDecisions(createScoringContext(ruleSets, values.quarter, EVALUATORS.reference), EVALUATORS.reference, judged, 1);
  const itemsCompiled = await measureItemDecisions(createScoringContext(ruleSets, values.quarter, EVALUATORS.compiled), EVALUATORS.compiled, judged, 1);
  const evaluationRatio = itemsCompiled.perSecond / itemsReference.perSecond;
  log(`  compiled  ${Math.round(compiled.perSecond).toLocaleString('en')} verdicts/s`);
  log(`  reference ${Math.round(reference.perSecond).toLocaleString('en')} verdicts/s (json-rules-engine)`);
  log(`  ratio     ${ratio.toFixed(1)}×`);
  log(`  items alone (no facts, no explanation): compiled ${Math.round(itemsCompiled.perSecond).toLocaleString('en')}/s, reference ${Math.round(itemsReference.perSecond).toLocaleString('en')}/s, ${evaluationRatio.toFixed(0)}×`);
  memory.sample();
  log(`rss after the verdict rates: ${memory.currentRssMb().toFixed(0)} MB`);

  log(`end-to-end nightly run over the ${households} households on the embedded store…`);
  // Households stream from the file into the store, as `tuopin score` does.
  const dataset = await openDatasetFolder(folder);
  const e2e = await measureEndToEnd(dataset.frame, dataset.households, ruleSets, values.quarter, EVALUATORS.compiled, log);
  memory.sample();
  log(`rss after the nightly runs: ${memory.currentRssMb().toFixed(0)} MB`);
  const stages = Object.entries(e2e.first.stageSeconds).map(([stage, s]) => `${stage} ${s.toFixed(1)} s`).join(', ');
  log(`  import    ${e2e.importSeconds.toFixed(1)} s, ${e2e.importedItems} records`);
  log(`  first run ${e2e.first.wallSeconds.toFixed(1)} s (${stages}); wrote ${e2e.first.writes.verdicts} verdicts, ${e2e.first.writes.scores} scores, ${e2e.first.writes.cards} cards`);
  log(`            evaluation ${e2e.first.evaluationSeconds.toFixed(2)} s = ${(e2e.first.evaluationShare * 100).toFixed(1)}% of wall time`);
  log(`  re-run    ${e2e.rerun.wallSeconds.toFixed(1)} s; wrote ${e2e.rerun.writes.verdicts} verdicts`);
  log(`  peak memory: rss ${memory.peakRssMb().toFixed(0)} MB, heap ${memory.peakHeapMb().toFixed(0)} MB`);

  const result = {
    households: e2e.households,
    villages: dataset.frame.villages.length,
    rejectedRows: dataset.rejected.length,
    sampleHouseholds: judged.length,
    verdictsPerSecCompiled: Math.round(compiled.perSecond),
    verdictsPerSecReference: Math.round(reference.perSecond),
    ratio: Number(ratio.toFixed(1)),
    evaluationsPerSecCompiled: Math.round(itemsCompiled.perSecond),
    evaluationsPerSecReference: Math.round(itemsReference.perSecond),
    evaluationRatio: Number(evaluationRatio.toFixed(1)),
    importSeconds: Number(e2e.importSeconds.toFixed(2)),
    endToEndSeconds: Number(e2e.first.wallSeconds.toFixed(2)),
    stageSeconds: e2e.first.stageSeconds,
    itemsWritten: { records: e2e.importedItems, ...e2e.first.writes },
    evaluationSeconds: Number(e2e.first.evaluationSeconds.toFixed(3)),
    evaluationShare: Number(e2e.first.evaluationShare.toFixed(4)),
    rerunSeconds: Number(e2e.rerun.wallSeconds.toFixed(2)),
    rerunVerdictWrites: e2e.rerun.writes.verdicts,
    peakRssMb: Math.round(memory.peakRssMb()),
    peakHeapMb: Math.round(memory.peakHeapMb()),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();
