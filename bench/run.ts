import { parseArgs } from 'node:util';
import { openDatasetFolder } from '../src/adapters/file/read-dataset-folder.js';
import type { Household } from '../src/records/records.js';
import { EVALUATORS } from '../src/engine/evaluators.js';
import { openRoot } from '../src/composition/open-root.js';
import { createScoringContext } from '../src/use-cases/scoring-context.js';
import { benchProvince } from './bench-province.js';
import { handwrittenHouseholdExit } from './handwritten-household-exit.js';
import { measureMemoryScore, measureStartup, measureStoreRerun } from './measure-commands.js';
import { disagreements, measureItemDecisions, measureJudge, measureVerdicts } from './measure-verdicts.js';

const HELP = `Usage: npm run bench -- [--households N] [--sizes N,N,…] [--store-households N] [--seed S] [--sample N] [--runs R] [--json]

Generates (or reuses) synthetic provinces (seed S, default 1) under bench/data/, then in one run:
  1. household-exit verdicts per CPU-second with full explanations on the same --sample households
     (default 3000): json-rules-engine, the compiled path, and the hand-written judge of
     bench/handwritten-household-exit.ts (the practical limit; checked to give the same
     verdict JSON and determination id on every one of them), and the ratios between them;
  2. \`tuopin score --store memory\` as its own process for each of --sizes (default: the
     --households N, default 100000): peak RSS and seconds per 100,000 households;
  3. \`tuopin score\` on the embedded store from an empty folder, then again over the unchanged
     data, on --store-households households (default: N; 0 skips it): the re-run's share;
  4. the start-up of a command (median of 5 \`tuopin --help\`).
Steps 2 and 3 run R times (default 3) and report the median of each figure, with every run's
figures beside it: one run's peak memory varies by a tenth with when the collector runs.
--json prints the results as one JSON object on the last line.`;

const log = (line: string) => process.stderr.write(`${line}\n`);

const round = (value: number, digits: number) => Number(value.toFixed(digits));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '100000' },
      sizes: { type: 'string' },
      'store-households': { type: 'string' },
      seed: { type: 'string', default: '1' },
      sample: { type: 'string', default: '3000' },
      runs: { type: 'string', default: '3' },
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
  const sizes = (values.sizes ?? values.households).split(',').map(Number);
  const storeHouseholds = Number(values['store-households'] ?? values.households);
  const seed = Number(values.seed);
  const sample = Number(values.sample);
  const runs = Number(values.runs);
  if (![households, seed, sample, runs, ...sizes].every((n) => Number.isInteger(n) && n > 0) || !(Number.isInteger(storeHouseholds) && storeHouseholds >= 0)) {
    process.stderr.write('bench: --households, --sizes, --store-households, --seed, --sample and --runs take positive whole numbers\n');
    return 2;
  }
  const quarter = values.quarter;
  const folder = await benchProvince({ households, seed, quarter });
  // The repository's reviewed rule sets, as a memory run of the CLI reads them.
  const ruleSets = await (await openRoot({ store: 'memory' })).ruleSets.inForce(quarter);
  // The sample for the verdict rates: the first households household-exit judges.
  const judged: Household[] = [];
  for await (const household of (await openDatasetFolder(folder)).households) {
    if (ruleSets['household-exit'].appliesTo?.statuses.includes(household.status)) judged.push(household);
    if (judged.length === sample) break;
  }
  const compiledContext = createScoringContext(ruleSets, quarter, EVALUATORS.compiled);
  const handwritten = handwrittenHouseholdExit(compiledContext.householdExit.prepared, compiledContext.householdExit.context);
  const differing = await disagreements(compiledContext, EVALUATORS.compiled, handwritten, judged);
  if (differing.length > 0) {
    process.stderr.write(`bench: the hand-written judge differs from the compiled path on ${differing.length} households, first ${differing[0]}\n`);
    return 1;
  }
  log(`verdicts per second on ${judged.length} households (hand-written judge agrees on all of them)…`);
  const reference = await measureVerdicts(createScoringContext(ruleSets, quarter, EVALUATORS.reference), EVALUATORS.reference, judged, 2);
  // Compiled and hand-written alternate in short rounds, so both see the same load on a shared
  // machine; the ratio is the median of the rounds' ratios.
  const compiledRates: number[] = [];
  const handwrittenRates: number[] = [];
  const ratios: number[] = [];
  await measureVerdicts(compiledContext, EVALUATORS.compiled, judged, 0.3); // warm-up, not counted
  measureJudge('handwritten', handwritten, judged, 0.3);
  for (let round = 0; round < 9; round += 1) {
    compiledRates.push((await measureVerdicts(compiledContext, EVALUATORS.compiled, judged, 0.3)).perSecond);
    handwrittenRates.push(measureJudge('handwritten', handwritten, judged, 0.3).perSecond);
    ratios.push(compiledRates.at(-1)! / handwrittenRates.at(-1)!);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const compiled = median(compiledRates);
  const limit = median(handwrittenRates);
  const ratioToHandwritten = median(ratios);
  const itemsReference = await measureItemDecisions(createScoringContext(ruleSets, quarter, EVALUATORS.reference), EVALUATORS.reference, judged, 1);
  const itemsCompiled = await measureItemDecisions(compiledContext, EVALUATORS.compiled, judged, 1);
  log(`  hand-written ${Math.round(limit).toLocaleString('en')} verdicts/s (the practical limit)`);
  log(`  compiled     ${Math.round(compiled).toLocaleString('en')} verdicts/s, ${ratioToHandwritten.toFixed(2)}× the limit (median of 9 paired rounds)`);
  log(`  reference    ${Math.round(reference.perSecond).toLocaleString('en')} verdicts/s (json-rules-engine); compiled is ${(compiled / reference.perSecond).toFixed(1)}×`);
  log(`  items alone: compiled ${Math.round(itemsCompiled.perSecond).toLocaleString('en')}/s, reference ${Math.round(itemsReference.perSecond).toLocaleString('en')}/s`);

  const peakRssMiB: Record<string, number> = {};
  const secondsPer100k: Record<string, number> = {};
  const peakRssMiBRuns: Record<string, number[]> = {};
  const secondsPer100kRuns: Record<string, number[]> = {};
  for (const size of sizes) {
    log(`tuopin score --store memory on ${size} households, ${runs} runs…`);
    const folder = await benchProvince({ households: size, seed, quarter });
    peakRssMiBRuns[size] = [];
    secondsPer100kRuns[size] = [];
    for (let run = 0; run < runs; run += 1) {
      const measured = await measureMemoryScore(folder, quarter);
      peakRssMiBRuns[size].push(Math.round(measured.peakRssMiB));
      secondsPer100kRuns[size].push(round(measured.seconds / (size / 100_000), 2));
      log(`  ${measured.seconds.toFixed(1)} s (${secondsPer100kRuns[size].at(-1)} s per 100k), peak rss ${peakRssMiBRuns[size].at(-1)} MiB`);
    }
    peakRssMiB[size] = median(peakRssMiBRuns[size]);
    secondsPer100k[size] = median(secondsPer100kRuns[size]);
    log(`  median: ${secondsPer100k[size]} s per 100k, peak rss ${peakRssMiB[size]} MiB`);
  }

  let store: Record<string, unknown> = {};
  if (storeHouseholds > 0) {
    log(`tuopin score on the embedded store, ${storeHouseholds} households, then again over the unchanged data, ${runs} times…`);
    const folder = await benchProvince({ households: storeHouseholds, seed, quarter });
    const pairs: Awaited<ReturnType<typeof measureStoreRerun>>[] = [];
    for (let run = 0; run < runs; run += 1) {
      const { first, rerun } = await measureStoreRerun(folder, quarter);
      log(`  first  ${first.seconds.toFixed(1)} s, ${first.summary?.writes.verdicts} verdicts written; ${JSON.stringify(first.summary?.stageSeconds)}`);
      log(`  re-run ${rerun.seconds.toFixed(1)} s, ${rerun.summary?.writes.verdicts} verdicts written; ${JSON.stringify(rerun.summary?.stageSeconds)}`);
      pairs.push({ first, rerun });
    }
    // The pair whose share is the median, so its figures are one run's, not a mix.
    const shareOf = (pair: (typeof pairs)[number]) => pair.rerun.seconds / pair.first.seconds;
    const { first, rerun } = [...pairs].sort((a, b) => shareOf(a) - shareOf(b))[Math.floor(pairs.length / 2)]!;
    store = {
      storeHouseholds,
      firstRunSeconds: round(first.seconds, 2),
      rerunSeconds: round(rerun.seconds, 2),
      rerunShareOfFirst: round(rerun.seconds / first.seconds, 3),
      rerunShareOfFirstRuns: pairs.map((pair) => round(shareOf(pair), 3)),
      rerunVerdictWrites: rerun.summary?.writes.verdicts ?? null,
      firstStageSeconds: first.summary?.stageSeconds ?? null,
      rerunStageSeconds: rerun.summary?.stageSeconds ?? null,
    };
  }

  const startupSeconds = await measureStartup();
  log(`start-up of a command: ${startupSeconds.toFixed(3)} s (median of 5)`);

  const result = {
    households,
    sampleHouseholds: judged.length,
    verdictsPerSecHandwritten: Math.round(limit),
    verdictsPerSecCompiled: Math.round(compiled),
    verdictsPerSecReference: Math.round(reference.perSecond),
    ratioToHandwritten: round(ratioToHandwritten, 3),
    ratioToReference: round(compiled / reference.perSecond, 1),
    evaluationsPerSecCompiled: Math.round(itemsCompiled.perSecond),
    evaluationsPerSecReference: Math.round(itemsReference.perSecond),
    runs,
    peakRssMiB,
    peakRssMiBRuns,
    secondsPer100k,
    secondsPer100kRuns,
    ...store,
    startupSeconds: round(startupSeconds, 3),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();
