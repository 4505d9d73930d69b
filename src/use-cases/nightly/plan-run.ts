import type { ObjectStore } from '../../ports/object-store.js';
import type { RecordStore } from '../../ports/record-store.js';
import type { RuleSetSource } from '../../ports/rule-set-source.js';
import type { Stores } from '../../ports/stores.js';
import type { PinnedRun } from './run-record.js';
import { planKeys } from '../../kernel/nightly-objects.js';
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

/** A started run as the state machine carries it: where its work lists are, never the lists themselves. */
export interface PlannedRun extends PinnedRun {
  /** The village batches, a JSON array of `{countyId, villageIds}` (the villages' Distributed Map's ItemReader). */
  readonly batchesKey: string;
  /** The counties, a JSON array of `{countyId}` (the roll-up's Distributed Map's ItemReader). */
  readonly countiesKey: string;
  readonly batchCount: number;
  readonly countyCount: number;
  readonly villageCount: number;
}

/**
 * The state machine's first step: starts the run with the versions in force for its quarter
 * (the same rule as `tuopin nightly`, which pins them once in its loop), plans its batches and
 * writes them to the object store. The state keeps only their keys: a province's village ids
 * would pass Step Functions' 256 KiB state limit at about 14,800 villages.
 */
export async function startPlannedRun(
  stores: Stores,
  ruleSets: RuleSetSource,
  objects: ObjectStore,
  run: { readonly runId: string; readonly quarter: string; readonly startedAt: string; readonly batchSize: number },
): Promise<PlannedRun> {
  const pinned = await startRun(stores.runs, { runId: run.runId, quarter: run.quarter, startedAt: run.startedAt, ruleSets: await ruleSets.inForce(run.quarter) });
  const plan = await planRun(stores.records, run.batchSize);
  const batches = plan.counties.flatMap((county) => county.villageBatches.map((villageIds) => ({ countyId: county.countyId, villageIds })));
  const keys = planKeys(run.runId);
  await objects.put(keys.batches, JSON.stringify(batches));
  await objects.put(keys.counties, JSON.stringify(plan.counties.map((county) => ({ countyId: county.countyId }))));
  return {
    ...pinned,
    ruleSetVersions: { ...pinned.ruleSetVersions },
    batchesKey: keys.batches,
    countiesKey: keys.counties,
    batchCount: batches.length,
    countyCount: plan.counties.length,
    villageCount: plan.villageCount,
  };
}
