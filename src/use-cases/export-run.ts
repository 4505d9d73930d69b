import type { Verdict } from '../engine/verdict.js';
import type { Stores } from '../ports/stores.js';
import type { ListRow, ScoreRow } from '../standards/accountability/accountability-output.js';
import { OutcomeTally, type OutcomeCounts } from './run-summary.js';

export interface RunExport {
  readonly verdicts: Verdict[];
  readonly scores: ScoreRow[];
  readonly lists: ListRow[];
  readonly outcomes: OutcomeCounts;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** records.md's order: subject type, subject id, rule set. */
export function compareVerdicts(a: Verdict, b: Verdict): number {
  return compare(a.subjectType, b.subjectType) || compare(a.subjectId, b.subjectId) || compare(a.ruleSetId, b.ruleSetId);
}

/**
 * Reads back everything the quarter's run left in the stores, in the output files' order: of
 * every stored county, or of `countyIds` only (a dataset's output holds its own counties).
 */
export async function exportRun(stores: Stores, quarter: string, year: number, countyIds?: readonly string[]): Promise<RunExport> {
  const verdicts: Verdict[] = [];
  const scores: ScoreRow[] = [];
  const lists: ListRow[] = [];
  const tally = new OutcomeTally();
  const only = countyIds === undefined ? null : new Set(countyIds);
  for (const county of await stores.records.listCounties()) {
    if (only !== null && !only.has(county.countyId)) continue;
    const countyVerdicts = await stores.verdicts.listPartitionVerdicts(county.countyId, year);
    for (const village of await stores.records.listVillages(county.countyId)) {
      countyVerdicts.push(...(await stores.verdicts.listPartitionVerdicts(village.villageId, year)));
    }
    for (const verdict of countyVerdicts) tally.add(verdict, county.countyId);
    verdicts.push(...countyVerdicts);
    scores.push(...(await stores.accountability.listScores(quarter, county.countyId)));
    lists.push(...(await stores.accountability.listLists(quarter, county.countyId)));
  }
  verdicts.sort(compareVerdicts);
  scores.sort((a, b) => compare(a.unitType, b.unitType) || compare(a.unitId, b.unitId));
  lists.sort((a, b) => compare(a.list, b.list) || compare(a.unitType, b.unitType) || compare(a.unitId, b.unitId));
  return { verdicts, scores, lists, outcomes: tally.counts() };
}
