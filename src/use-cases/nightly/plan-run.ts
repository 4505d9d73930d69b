import type { RecordStore } from '../../ports/record-store.js';
import type { RuleSetSource } from '../../ports/rule-set-source.js';
import type { Stores } from '../../ports/stores.js';
import type { PinnedRun } from './run-record.js';
import { startRun } from './start-run.js';

/** The work of a run: for every county, its villages in batches. */
export interface RunPlan {
  readonly counties: readonly { readonly countyId: string; readonly villageBatches: readonly (readonly string[])[] }[];
  readonly villageCount: number;
}

/** Lists the villages of each county (of `countyIds` only, when given) and cuts them into batches of `batchSize`. */
export async function planRun(records: RecordStore, batchSize: number, countyIds?: readonly string[]): Promise<RunPlan> {
  const counties = [];
  let villageCount = 0;
  const only = countyIds === undefined ? null : new Set(countyIds);
  for (const county of await records.listCounties()) {
    if (only !== null && !only.has(county.countyId)) continue;
    const villageIds = (await records.listVillages(county.countyId)).map((v) => v.villageId);
    villageCount += villageIds.length;
    const villageBatches: string[][] = [];
    for (let start = 0; start < villageIds.length; start += batchSize) villageBatches.push(villageIds.slice(start, start + batchSize));
    counties.push({ countyId: county.countyId, villageBatches });
  }
  return { counties, villageCount };
}

/** A started run and its work as the state machine takes it: flat batches for the Distributed Map, counties for the roll-ups. */
export interface PlannedRun extends PinnedRun {
  readonly batches: { readonly countyId: string; readonly villageIds: readonly string[] }[];
  readonly countyIds: string[];
  readonly villageCount: number;
}

/**
 * The state machine's first step: starts the run with the versions in force for its quarter
 * (the same rule as `tuopin nightly`, which pins them once in its loop) and plans its batches.
 */
export async function startPlannedRun(
  stores: Stores,
  ruleSets: RuleSetSource,
  run: { readonly runId: string; readonly quarter: string; readonly startedAt: string; readonly batchSize: number },
): Promise<PlannedRun> {
  const pinned = await startRun(stores.runs, { runId: run.runId, quarter: run.quarter, startedAt: run.startedAt, ruleSets: await ruleSets.inForce(run.quarter) });
  const plan = await planRun(stores.records, run.batchSize);
  return {
    ...pinned,
    ruleSetVersions: { ...pinned.ruleSetVersions },
    batches: plan.counties.flatMap((county) => county.villageBatches.map((villageIds) => ({ countyId: county.countyId, villageIds }))),
    countyIds: plan.counties.map((county) => county.countyId),
    villageCount: plan.villageCount,
  };
}
