import type { RunRecord, RunStatus } from '../ports/run-store.js';
import type { Stores } from '../ports/stores.js';
import { accountCounty } from './account-county.js';
import { aggregateCounty } from './aggregate-county.js';
import { rejectedRowCount } from './import/incomplete-notes.js';
import { planRun } from './plan-run.js';
import { versionsUsed } from './run-summary.js';
import { scoreVillageBatch } from './score-village-batch.js';
import type { ScoringContext } from './scoring-context.js';

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
}

/** A finished run's status: failed villages fail it; rejected rows say it judged incomplete data. */
export function runStatus(failedVillages: number, rejectedRows: number): RunStatus {
  if (failedVillages > 0) return 'failed';
  return rejectedRows > 0 ? 'succeeded-with-rejected-rows' : 'succeeded';
}

/**
 * The nightly pipeline: plan → score villages in batches → aggregate counties → accountability
 * → run record. The rule-set versions are those of `context`, pinned when the run starts and
 * written into the run record. Verdicts are written only where their determination changed.
 */
export async function runNightly(stores: Stores, context: ScoringContext, options: NightlyOptions): Promise<RunRecord> {
  const { now } = options;
  const started = now();
  const seconds = (from: Date) => (now().getTime() - from.getTime()) / 1000;
  const stageSeconds: Record<string, number> = {};
  const base = {
    runId: options.runId,
    quarter: context.quarter,
    startedAt: started.toISOString(),
    ruleSetVersions: versionsUsed(context.ruleSets),
  };
  await stores.runs.putRun({ ...base, status: 'running', finishedAt: null, writes: { verdicts: 0, scores: 0, cards: 0 }, failedVillages: [], stageSeconds });

  let stage = now();
  const plan = await planRun(stores.records, options.batchSize ?? 25, options.countyIds);
  let rejectedRows = 0;
  for (const county of plan.counties) rejectedRows += rejectedRowCount(await stores.records.listIncompleteNotes(county.countyId));
  stageSeconds.plan = seconds(stage);

  stage = now();
  let verdicts = 0;
  let villagesDone = 0;
  let householdsDone = 0;
  const failedVillages: { villageId: string; error: string }[] = [];
  for (const county of plan.counties) {
    for (const batch of county.villageBatches) {
      const result = await scoreVillageBatch(stores, context, batch, options.villageAttempts ?? 2);
      verdicts += result.verdictWrites;
      villagesDone += batch.length;
      householdsDone += result.households;
      failedVillages.push(...result.failed);
      options.onProgress?.({ villagesDone, villagesTotal: plan.villageCount, householdsDone, elapsedSeconds: seconds(started) });
    }
  }
  stageSeconds.villages = seconds(stage);

  stage = now();
  for (const county of plan.counties) verdicts += (await aggregateCounty(stores, context, county.countyId)).writes;
  stageSeconds.counties = seconds(stage);

  stage = now();
  let scores = 0;
  let cards = 0;
  for (const county of plan.counties) {
    const written = await accountCounty(stores, context, county.countyId);
    scores += written.scores;
    cards += written.cards;
  }
  stageSeconds.accountability = seconds(stage);

  const record: RunRecord = {
    ...base,
    status: runStatus(failedVillages.length, rejectedRows),
    finishedAt: now().toISOString(),
    writes: { verdicts, scores, cards },
    failedVillages,
    rejectedRows,
    stageSeconds,
  };
  await stores.runs.putRun(record);
  return record;
}
