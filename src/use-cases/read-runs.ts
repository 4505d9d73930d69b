import type { RunRecord, RunStore } from '../ports/run-store.js';
import { RunNotFoundError } from './use-case-errors.js';

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
