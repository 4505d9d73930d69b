import type { RecordStore } from '../ports/record-store.js';

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
