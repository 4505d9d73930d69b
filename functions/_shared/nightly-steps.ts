import { lastDayOfQuarter } from '../../src/kernel/quarter.js';
import type { RunRecord } from '../../src/ports/run-store.js';
import type { Stores } from '../../src/ports/stores.js';
import { rejectedRowCount } from '../../src/use-cases/import/incomplete-notes.js';
import { planRun } from '../../src/use-cases/plan-run.js';
import { runStatus } from '../../src/use-cases/run-nightly.js';
import { ruleSetsFromStore } from '../../src/use-cases/rule-sets-from-store.js';
import { versionsUsed } from '../../src/use-cases/run-summary.js';
import { BatchResultSchema, CountyResultSchema, type FinishRunEvent } from './task-events.js';

/** What the plan hands the state machine: the pinned run and its work. */
export interface PlannedRun {
  readonly runId: string;
  readonly quarter: string;
  readonly startedAt: string;
  readonly ruleSetVersions: Record<string, number>;
  /** The Distributed Map's items. */
  readonly batches: { readonly countyId: string; readonly villageIds: readonly string[] }[];
  readonly countyIds: string[];
  readonly villageCount: number;
}

/**
 * The plan step: pins the versions in force on the quarter's last day (the same rule as
 * `tuopin nightly`), cuts the villages into batches and records the run as running.
 */
export async function planPinnedRun(stores: Stores, run: { runId: string; quarter: string; startedAt: string; batchSize: number }): Promise<PlannedRun> {
  const ruleSetVersions = versionsUsed(await ruleSetsFromStore(stores.ruleSets, lastDayOfQuarter(run.quarter)));
  const plan = await planRun(stores.records, run.batchSize);
  const { runId, quarter, startedAt } = run;
  await stores.runs.putRun({ runId, quarter, startedAt, ruleSetVersions, status: 'running', finishedAt: null, writes: { verdicts: 0, scores: 0, cards: 0 }, failedVillages: [], stageSeconds: {} });
  return {
    runId,
    quarter,
    startedAt,
    ruleSetVersions,
    batches: plan.counties.flatMap((county) => county.villageBatches.map((villageIds) => ({ countyId: county.countyId, villageIds }))),
    countyIds: plan.counties.map((county) => county.countyId),
    villageCount: plan.villageCount,
  };
}

/** Describes a stage failure as Step Functions reports it. */
const describe = (failure: { Error?: string | undefined; Cause?: string | undefined }) => [failure.Error ?? 'Error', failure.Cause].filter(Boolean).join(': ');

/**
 * The last step: sums what the batches and counties wrote and records the run. A run with a
 * failed village, a failed batch (tolerated by the Map) or a failed stage is `failed`; a batch or
 * stage failure has no village id, so it is listed under `(batch)` or `(run)`.
 */
export async function recordFinishedRun(stores: Stores, event: FinishRunEvent, now: Date): Promise<RunRecord> {
  let verdicts = 0;
  let scores = 0;
  let cards = 0;
  const failedVillages: { villageId: string; error: string }[] = [];
  for (const entry of event.batchResults ?? []) {
    const batch = BatchResultSchema.safeParse(entry);
    if (batch.success) {
      verdicts += batch.data.verdictWrites;
      failedVillages.push(...batch.data.failed);
    } else {
      failedVillages.push({ villageId: '(batch)', error: describe((entry ?? {}) as { Error?: string; Cause?: string }) });
    }
  }
  let rejectedRows = 0;
  for (const entry of event.countyResults ?? []) {
    const county = CountyResultSchema.parse(entry);
    rejectedRows += rejectedRowCount(await stores.records.listIncompleteNotes(county.countyId));
    verdicts += county.aggregate.verdictWrites;
    scores += county.accountability.scores;
    cards += county.accountability.cards;
  }
  if (event.error) failedVillages.push({ villageId: '(run)', error: describe(event.error) });
  const record: RunRecord = {
    runId: event.runId,
    quarter: event.quarter,
    status: runStatus(failedVillages.length, rejectedRows),
    startedAt: event.startedAt,
    finishedAt: now.toISOString(),
    ruleSetVersions: event.ruleSetVersions,
    writes: { verdicts, scores, cards },
    failedVillages,
    rejectedRows,
    stageSeconds: { total: (now.getTime() - Date.parse(event.startedAt)) / 1000 },
  };
  await stores.runs.putRun(record);
  return record;
}
