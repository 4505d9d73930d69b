import type { HouseholdExitSummary } from '../standards/accountability/accountability-input.js';
import type { CountyPopulation } from '../standards/county-exit-facts.js';
import { TuopinError } from '../kernel/errors.js';
import { type VillageOverviewTally } from '../use-cases/reading/village-overview-tally.js';

/** What one village's scoring leaves for its county and its units, kept per run quarter. */
export interface VillageTally {
  readonly quarter: string;
  readonly countyId: string;
  readonly villageId: string;
  readonly population: CountyPopulation;
  readonly summaries: readonly HouseholdExitSummary[];
  /** Rule-set versions the tally was computed with: a tally from other versions is stale. */
  readonly versions: Readonly<Record<string, number>>;
  /** What the county overview reads of the village (outcome counts, heatmap, deprivation sums); absent on tallies written before it. */
  readonly overview?: VillageOverviewTally;
}

/**
 * `succeeded-with-rejected-rows`: the run completed, but the last import of some of its counties
 * rejected rows, so the items needing them are `unknown` (see `rejectedRows`).
 */
export type RunStatus = 'running' | 'succeeded' | 'succeeded-with-rejected-rows' | 'failed';

/** The record of one nightly run: what it pinned, what it wrote, what failed. */
export interface RunRecord {
  readonly runId: string;
  readonly quarter: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly ruleSetVersions: Readonly<Record<string, number>>;
  readonly writes: { readonly verdicts: number; readonly scores: number; readonly cards: number };
  readonly failedVillages: readonly { readonly villageId: string; readonly error: string }[];
  /**
   * Set on a stored record whose list was too long for its item: `failedVillages` then holds the
   * first entries only, the whole list is the object at `key`. Readers restore it
   * (use-cases/nightly/run-failures.ts), so no response or output ever carries this field.
   */
  readonly failedVillagesSpilled?: { readonly key: string; readonly count: number };
  /** Rows the last imports of the run's counties rejected, counted per county (absent on older records). */
  readonly rejectedRows?: number;
  readonly stageSeconds: Readonly<Record<string, number>>;
}

/** Tallies between the village step and the roll-ups, and the run records. */
export interface RunStore {
  /** Stores the tally; `judgedFrom` names the inputs digest it was computed from (see `tallyJudgedFrom`). */
  putVillageTally(tally: VillageTally, judgedFrom?: string): Promise<void>;
  /** The inputs digest the village's stored tally of the quarter was computed from; null when none is named or the store keeps no such mark. */
  tallyJudgedFrom(quarter: string, countyId: string, villageId: string): Promise<string | null>;
  listVillageTallies(quarter: string, countyId: string): Promise<VillageTally[]>;
  /** Deletes the tallies of every quarter of these villages (removed by a snapshot import); returns how many. */
  deleteVillageTallies(villageIds: readonly string[]): Promise<number>;
  /** Creates or updates a run; another run (other start or quarter) with the same id is a `RunConflictError`. */
  putRun(run: RunRecord): Promise<void>;
  getRun(runId: string): Promise<RunRecord | null>;
  listRuns(quarter: string): Promise<RunRecord[]>;
}

/** Another run (a different start) already holds this run id: run ids are never reused. */
export class RunConflictError extends TuopinError {
  constructor(readonly runId: string) {
    super('RUN_CONFLICT', `run id ${runId} is already used by another run`);
  }
}
