import { turnEventLoop } from './event-loop-turn.js';
import { RunConflictError } from '../../ports/run-store.js';
import type { RunRecord, RunStore, VillageTally } from '../../ports/run-store.js';
import { SpillFile, type SpillSpan } from '../file/spill-file.js';

/**
 * Village tallies and run records in maps. A tally holds a summary per household, so tallies
 * sit in a spill file and memory keeps each one's village and span.
 */
export class MemoryRunStore implements RunStore {
  private readonly tallies = new Map<string, { readonly villageId: string; readonly span: SpillSpan }>();
  private readonly runs = new Map<string, RunRecord>();

  constructor(private readonly spill = new SpillFile()) {}

  async putVillageTally(tally: VillageTally): Promise<void> {
    this.tallies.set(`${tally.quarter}#${tally.countyId}#${tally.villageId}`, { villageId: tally.villageId, span: this.spill.append(JSON.stringify(tally)) });
  }
  /** No marks are kept (see `MemoryRecordStore.householdHashes`). */
  async tallyJudgedFrom(): Promise<null> {
    return null;
  }
  async listVillageTallies(quarter: string, countyId: string): Promise<VillageTally[]> {
    await turnEventLoop();
    const prefix = `${quarter}#${countyId}#`;
    return [...this.tallies.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, t]) => JSON.parse(this.spill.read(t.span)) as VillageTally);
  }
  async deleteVillageTallies(villageIds: readonly string[]): Promise<number> {
    const ids = new Set(villageIds);
    let deleted = 0;
    for (const [key, tally] of [...this.tallies]) {
      if (!ids.has(tally.villageId)) continue;
      this.tallies.delete(key);
      deleted += 1;
    }
    return deleted;
  }
  async putRun(run: RunRecord): Promise<void> {
    const existing = this.runs.get(run.runId);
    // Updates of the same run are fine; another run (another start) must not take its id.
    if (existing && (existing.startedAt !== run.startedAt || existing.quarter !== run.quarter)) throw new RunConflictError(run.runId);
    this.runs.set(run.runId, run);
  }
  async getRun(runId: string): Promise<RunRecord | null> {
    return this.runs.get(runId) ?? null;
  }
  async listRuns(quarter: string): Promise<RunRecord[]> {
    return [...this.runs.values()].filter((r) => r.quarter === quarter).sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  }
}
