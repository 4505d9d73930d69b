import type { RunRecord, RunStatus } from '../../ports/run-store.js';
import type { RunStore } from '../../ports/run-store.js';
import { RunNotFoundError } from '../use-case-errors.js';

/** What a run pins when it starts: its id, quarter, start and the rule-set versions it judges with. */
export interface PinnedRun {
  readonly runId: string;
  readonly quarter: string;
  readonly startedAt: string;
  readonly ruleSetVersions: Readonly<Record<string, number>>;
}

/** A village a run could not score, or a batch or stage that failed without a village id. */
export interface FailedVillage {
  villageId: string;
  error: string;
}

/** What a run's stages wrote and what failed, summed as the stages report it. */
export interface RunTotals {
  verdicts: number;
  scores: number;
  cards: number;
  readonly failedVillages: FailedVillage[];
}

export function emptyTotals(): RunTotals {
  return { verdicts: 0, scores: 0, cards: 0, failedVillages: [] };
}

/** A finished run's status: failed villages fail it; rejected rows say it judged incomplete data. */
export function runStatus(failedVillages: number, rejectedRows: number): RunStatus {
  if (failedVillages > 0) return 'failed';
  return rejectedRows > 0 ? 'succeeded-with-rejected-rows' : 'succeeded';
}

/**
 * The record of a run that has started and not finished. The field order is the one every run
 * record is written in (the CLI prints it as JSON), so it is fixed here and only here.
 */
export function runningRecord(run: PinnedRun, stageSeconds: Readonly<Record<string, number>> = {}): RunRecord {
  return {
    runId: run.runId,
    quarter: run.quarter,
    startedAt: run.startedAt,
    ruleSetVersions: run.ruleSetVersions,
    status: 'running',
    finishedAt: null,
    writes: { verdicts: 0, scores: 0, cards: 0 },
    failedVillages: [],
    stageSeconds,
  };
}

/** The record of a finished run: its status follows from its failures and rejected rows. */
export function finishedRecord(
  run: PinnedRun,
  totals: RunTotals,
  finished: { readonly finishedAt: Date; readonly rejectedRows: number; readonly stageSeconds: Readonly<Record<string, number>> },
): RunRecord {
  return {
    runId: run.runId,
    quarter: run.quarter,
    startedAt: run.startedAt,
    ruleSetVersions: run.ruleSetVersions,
    status: runStatus(totals.failedVillages.length, finished.rejectedRows),
    finishedAt: finished.finishedAt.toISOString(),
    writes: { verdicts: totals.verdicts, scores: totals.scores, cards: totals.cards },
    failedVillages: totals.failedVillages,
    rejectedRows: finished.rejectedRows,
    stageSeconds: finished.stageSeconds,
  };
}

/** A quarter's runs, the latest start first. */
export async function listQuarterRuns(runs: RunStore, quarter: string): Promise<RunRecord[]> {
  return [...(await runs.listRuns(quarter))].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.runId < b.runId ? 1 : -1));
}

/** One run by id; an unknown id is `RunNotFoundError`. */
export async function findRun(runs: RunStore, runId: string): Promise<RunRecord> {
  const run = await runs.getRun(runId);
  if (!run) throw new RunNotFoundError(runId);
  return run;
}
