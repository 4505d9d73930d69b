import type { RunRecord } from '../../ports/run-store.js';
import type { Stores } from '../../ports/stores.js';
import { finishedRecord, type PinnedRun, type RunTotals } from './run-record.js';
import { rejectedRowCount } from '../import/incomplete-notes.js';
import type { ObjectStore } from '../../ports/object-store.js';
import { spillFailedVillages } from './run-failures.js';

/** How a run ended: what its stages wrote and failed, and the counties it judged. */
export interface RunOutcome {
  readonly totals: RunTotals;
  readonly countyIds: readonly string[];
}

/**
 * Finishes a run: counts the rows the last imports of its counties rejected (they make the run
 * `succeeded-with-rejected-rows`) and writes the run record. `stageSeconds` defaults to the
 * run's total time, all the state machine knows. With `failures` (the state machine's bucket),
 * a list of failed villages too long for the run item is kept there (run-failures.ts). Returns
 * the whole record, as readers restore it.
 */
export async function finishRun(
  stores: Stores,
  run: PinnedRun,
  outcome: RunOutcome,
  finishedAt: Date,
  options: { readonly stageSeconds?: Readonly<Record<string, number>>; readonly failures?: ObjectStore } = {},
): Promise<RunRecord> {
  let rejectedRows = 0;
  for (const countyId of outcome.countyIds) rejectedRows += rejectedRowCount(await stores.records.listIncompleteNotes(countyId));
  const stageSeconds = options.stageSeconds ?? { total: (finishedAt.getTime() - Date.parse(run.startedAt)) / 1000 };
  const record = finishedRecord(run, outcome.totals, { finishedAt, rejectedRows, stageSeconds });
  await stores.runs.putRun(options.failures ? await spillFailedVillages(options.failures, record) : record);
  return record;
}
