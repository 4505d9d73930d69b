import type { RunStatus } from '../../ports/run-store.js';
import type { Stores } from '../../ports/stores.js';
import { parseQuarter, quarterFromOrdinal } from '../../kernel/quarter.js';
import { countyDeprivationProfile } from './county-deprivation-profile.js';
import { SubjectNotFoundError } from '../use-case-errors.js';
import { addOutcomeCounts, type OutcomeCount } from './village-overview-tally.js';

/** How many quarters back, the given one included, a trend looks for runs: three assessment years. */
export const TREND_QUARTERS = 12;

/** One quarter of a county's trend, from its village tallies of that quarter. */
export interface QuarterTrend {
  readonly quarter: string;
  /** The quarter's latest run (runs span counties: the county is in the quarter because its villages have tallies). */
  readonly latestRun: { readonly runId: string; readonly status: RunStatus; readonly finishedAt: string | null } | null;
  /** Villages whose tally carries the overview's sums, and villages whose tally predates them (left out of the counts). */
  readonly villages: { readonly counted: number; readonly withoutSums: number };
  /** Outcomes per standard over the counted villages' households and the villages themselves. */
  readonly outcomes: readonly OutcomeCount[];
  /** The county's Alkire–Foster measures of the quarter, or null when they cannot be computed. */
  readonly deprivation: { readonly headcount: number | null; readonly intensity: number | null; readonly adjustedHeadcount: number | null } | null;
}

export interface CountyTrends {
  readonly countyId: string;
  /** The last quarter of the window. */
  readonly until: string;
  /** The quarters of the window with a run and tallies of the county, oldest first. */
  readonly quarters: readonly QuarterTrend[];
}

/** The `count` quarters ending with `until`, oldest first. */
export function quartersUntil(until: string, count: number): string[] {
  const { ordinal } = parseQuarter(until);
  return Array.from({ length: count }, (_, i) => quarterFromOrdinal(ordinal - (count - 1 - i)).text);
}

/**
 * The outcomes of the standards across the quarters that have runs, for one county: for each of
 * the `TREND_QUARTERS` quarters up to `until`, one query for the quarter's runs and, when there
 * are runs, one for the county's village tallies of the quarter (key-based, no scan).
 */
export async function countyTrends(stores: Pick<Stores, 'records' | 'runs'>, countyId: string, until: string): Promise<CountyTrends> {
  if (!(await stores.records.getCounty(countyId))) throw new SubjectNotFoundError('county', countyId);
  const villages = await stores.records.listVillages(countyId);
  const byId = new Map(villages.map((village) => [village.villageId, village]));
  const found = await Promise.all(
    quartersUntil(until, TREND_QUARTERS).map(async (quarter): Promise<QuarterTrend | null> => {
      const runs = await stores.runs.listRuns(quarter);
      if (runs.length === 0) return null;
      // Villages the county still has: a removed village's old tally never counts (as in the roll-ups).
      const tallies = (await stores.runs.listVillageTallies(quarter, countyId)).filter((tally) => byId.has(tally.villageId));
      if (tallies.length === 0) return null;
      const summed = tallies.flatMap((tally) => (tally.overview ? [{ tally, overview: tally.overview }] : []));
      const profile = countyDeprivationProfile(
        summed.map(({ tally, overview }) => ({ villageId: tally.villageId, name: null, townshipId: byId.get(tally.villageId)!.townshipId, townshipName: null, judged: overview.householdItems.judged, deprivation: overview.deprivation })),
        [],
      );
      const latest = runs.at(-1)!;
      return {
        quarter,
        latestRun: { runId: latest.runId, status: latest.status, finishedAt: latest.finishedAt },
        villages: { counted: summed.length, withoutSums: tallies.length - summed.length },
        outcomes: addOutcomeCounts(summed.map(({ overview }) => overview.outcomes)),
        deprivation: profile.county ? { headcount: profile.county.headcount, intensity: profile.county.intensity, adjustedHeadcount: profile.county.adjustedHeadcount } : null,
      };
    }),
  );
  return { countyId, until, quarters: found.filter((quarter): quarter is QuarterTrend => quarter !== null) };
}
