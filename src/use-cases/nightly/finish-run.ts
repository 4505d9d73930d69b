import type { RunRecord } from '../../ports/run-store.js';
import type { Stores } from '../../ports/stores.js';
import { finishedRecord, type PinnedRun, type RunTotals } from './run-record.js';
import { rejectedRowCount } from '../import/incomplete-notes.js';

/** How a run ended: what its stages wrote and failed, and the counties it judged. */
export interface RunOutcome {
  readonly totals: RunTotals;
  readonly countyIds: readonly string[];
}

/**
 * Finishes a run: counts the rows the last imports of its counties rejected (they make the run
 * `succeeded-with-rejected-rows`) and writes the run record. `stageSeconds` defaults to the
 * run's total time, all the state machine knows.
 */
export async function finishRun(
  stores: Stores,
  run: PinnedRun,
  outcome: RunOutcome,
  finishedAt: Date,
  stageSeconds: Readonly<Record<string, number>> = { total: (finishedAt.getTime() - Date.parse(run.startedAt)) / 1000 },
): Promise<RunRecord> {
  let rejectedRows = 0;
  for (const countyId of outcome.countyIds) rejectedRows += rejectedRowCount(await stores.records.listIncompleteNotes(countyId));
  const record = finishedRecord(run, outcome.totals, { finishedAt, rejectedRows, stageSeconds });
  await stores.runs.putRun(record);
  return record;
}
