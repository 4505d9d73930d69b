import type { RunRecord } from '../../ports/run-store.js';
import type { Stores } from '../../ports/stores.js';
import type { ScoringContext } from '../scoring-context.js';
import { accountCounty } from './account-county.js';
import { aggregateCounty } from './aggregate-county.js';
import { finishRun } from './finish-run.js';
import { planRun } from './plan-run.js';
import { emptyTotals } from './run-record.js';
import { scoreVillageBatch, type VillageVerdictsHook } from './score-village-batch.js';
import { startRun } from './start-run.js';
import { runInputsBasis, type UnchangedVillages } from './village-inputs.js';

export interface NightlyProgress {
  readonly villagesDone: number;
  readonly villagesTotal: number;
  readonly householdsDone: number;
  readonly elapsedSeconds: number;
}

export interface NightlyOptions {
  readonly runId: string;
  /** The clock is an argument so runs are reproducible in tests. */
  readonly now: () => Date;
  readonly batchSize?: number;
  readonly villageAttempts?: number;
  readonly onProgress?: (progress: NightlyProgress) => void;
  /** Judge these counties only (`tuopin score` judges its dataset's); every stored county when absent. */
  readonly countyIds?: readonly string[];
  /** Told every village's verdicts as judged, so an export can stream them instead of reading them back. */
  readonly onVillageVerdicts?: VillageVerdictsHook;
  /**
   * Keep villages whose inputs are unchanged since the run that stored them (see
   * `village-inputs.ts`), as `keep` agrees; every village is judged when absent. Only for a store
   * whose household listing is never behind its rosters (the embedded store).
   */
  readonly unchanged?: UnchangedVillages;
}

/**
 * The nightly pipeline in one process (`tuopin nightly`, `tuopin score`): start → plan → score
 * villages in batches → aggregate counties → accountability → finish, the same steps the state
 * machine's tasks run one by one. The rule-set versions are those of `context`, pinned when the
 * run starts. Verdicts are written only where their determination changed.
 */
export async function runNightly(stores: Stores, context: ScoringContext, options: NightlyOptions): Promise<RunRecord> {
  const { now } = options;
  const started = now();
  const seconds = (from: Date) => (now().getTime() - from.getTime()) / 1000;
  const stageSeconds: Record<string, number> = {};
  const run = await startRun(stores.runs, { runId: options.runId, quarter: context.quarter, startedAt: started, ruleSets: context.ruleSets }, stageSeconds);

  let stage = now();
  const plan = await planRun(stores.records, options.batchSize ?? 25, options.countyIds);
  const countyIds = plan.counties.map((county) => county.countyId);
  stageSeconds.plan = seconds(stage);

  stage = now();
  const keep = options.unchanged ? { basis: runInputsBasis(context, options.unchanged.build), keep: options.unchanged.keep } : undefined;
  const totals = emptyTotals();
  let villagesDone = 0;
  let householdsDone = 0;
  for (const county of plan.counties) {
    for (const batch of county.villageBatches) {
      const result = await scoreVillageBatch(stores, context, batch, options.villageAttempts ?? 2, options.onVillageVerdicts, keep);
      totals.verdicts += result.verdictWrites;
      totals.failedVillages.push(...result.failed);
      villagesDone += batch.length;
      householdsDone += result.households;
      options.onProgress?.({ villagesDone, villagesTotal: plan.villageCount, householdsDone, elapsedSeconds: seconds(started) });
    }
  }
  stageSeconds.villages = seconds(stage);

  stage = now();
  for (const countyId of countyIds) totals.verdicts += (await aggregateCounty(stores, context, countyId)).writes;
  stageSeconds.counties = seconds(stage);

  stage = now();
  for (const countyId of countyIds) {
    const written = await accountCounty(stores, context, countyId);
    totals.scores += written.scores;
    totals.cards += written.cards;
  }
  stageSeconds.accountability = seconds(stage);

  return finishRun(stores, run, { totals, countyIds }, now(), { stageSeconds });
}
