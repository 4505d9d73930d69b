import { yearTables } from '../../engine/parameters.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { RunStore } from '../../ports/run-store.js';

/** The quarters the store holds runs of, their years, and the quarter of the latest run. */
export interface StoredRuns {
  readonly quarters: readonly string[];
  readonly years: readonly number[];
  /** The quarter of the run started last, or null when the store holds none. */
  readonly latestQuarter: string | null;
}

/**
 * Finds the runs the store holds. The run store lists runs by quarter only, so the quarters of
 * every year the given versions can judge are asked: each run binds every standard to its year
 * before it starts, so a run of a year missing from the household-exit line table cannot exist.
 * Pass every stored version (and the draft): their year tables and `effectiveFrom` years.
 */
export async function findStoredRuns(runs: RunStore, ruleSets: readonly RuleSet[]): Promise<StoredRuns> {
  const years = new Set<number>();
  for (const ruleSet of ruleSets) {
    years.add(Number(ruleSet.effectiveFrom.slice(0, 4)));
    for (const table of yearTables(ruleSet)) table.years.forEach((y) => years.add(y));
  }
  const quarters = [...years].sort((a, b) => a - b).flatMap((year) => [1, 2, 3, 4].map((q) => `${year}Q${q}`));
  const found = await Promise.all(quarters.map(async (quarter) => ({ quarter, runs: await runs.listRuns(quarter) })));
  const held = found.filter((f) => f.runs.length > 0);
  let latest: { quarter: string; startedAt: string } | null = null;
  for (const { quarter, runs: list } of held) {
    for (const run of list) if (!latest || run.startedAt > latest.startedAt) latest = { quarter, startedAt: run.startedAt };
  }
  return {
    quarters: held.map((f) => f.quarter),
    years: [...new Set(held.map((f) => Number(f.quarter.slice(0, 4))))],
    latestQuarter: latest?.quarter ?? null,
  };
}
