import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { RunStore } from '../../ports/run-store.js';
import { versionsUsed } from '../run-summary.js';
import { runningRecord, type PinnedRun } from './run-record.js';

/**
 * Starts a run: pins the versions of the rule sets it judges with and records it as running,
 * so a run that dies half-way is visible as `running` in the run history. The CLI loop and the
 * state machine's plan task both start runs here.
 */
export async function startRun(
  runs: RunStore,
  run: { readonly runId: string; readonly quarter: string; readonly startedAt: Date | string; readonly ruleSets: Readonly<Record<string, RuleSet>> },
  stageSeconds: Readonly<Record<string, number>> = {},
): Promise<PinnedRun> {
  const pinned: PinnedRun = {
    runId: run.runId,
    quarter: run.quarter,
    startedAt: typeof run.startedAt === 'string' ? run.startedAt : run.startedAt.toISOString(),
    ruleSetVersions: versionsUsed(run.ruleSets),
  };
  await runs.putRun(runningRecord(pinned, stageSeconds));
  return pinned;
}
