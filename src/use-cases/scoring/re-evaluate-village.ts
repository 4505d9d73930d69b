import type { Verdict } from '../../engine/verdict.js';
import type { Stores } from '../../ports/stores.js';
import type { ScoringContextSource } from '../evaluation/evaluate-on-demand.js';
import { VillageNotFoundError } from '../use-case-errors.js';
import { scoreAndStoreVillage } from '../nightly/score-village-batch.js';
import { aggregateCounty } from '../nightly/aggregate-county.js';
import { assessmentQuarter } from '../scoring-context.js';

/** What a village re-evaluation returns: the village and county verdicts in full, the households' outcomes by id. */
export interface VillageReEvaluation {
  readonly villageId: string;
  readonly countyId: string;
  readonly quarter: string;
  readonly village: Verdict;
  /** Null when the village's county is not stored. */
  readonly county: Verdict | null;
  /**
   * Household outcomes as `{ ruleSetId: { outcome: [householdId…] } }`: a large village's full
   * household verdicts would not fit a response (they are read with GET /verdicts).
   */
  readonly households: { readonly count: number; readonly outcomes: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> };
  /** Verdicts whose determination changed and were written. */
  readonly verdictWrites: number;
}

const sortedKeys = <V>(table: Record<string, V>, map: (value: V) => V): Record<string, V> =>
  Object.fromEntries(Object.keys(table).sort().map((key) => [key, map(table[key]!)]));

/** `{ ruleSetId: { outcome: [subjectId…] } }`, sorted at every level so a response reads the same every time. */
function outcomesById(verdicts: readonly Verdict[]): Record<string, Record<string, string[]>> {
  const table: Record<string, Record<string, string[]>> = {};
  for (const verdict of verdicts) ((table[verdict.ruleSetId] ??= {})[verdict.outcome] ??= []).push(verdict.subjectId);
  return sortedKeys(table, (byOutcome) => sortedKeys(byOutcome, (ids) => [...ids].sort()));
}

/**
 * `POST /villages/{villageId}/re-evaluations`: re-scores one village now (its households, the
 * village, its tally for the quarter) and its county's roll-up, with the versions in force.
 */
export async function reEvaluateVillage(
  stores: Stores,
  contextFor: ScoringContextSource,
  request: { readonly villageId: string; readonly year?: number | undefined },
  currentQuarter: string,
): Promise<VillageReEvaluation> {
  const village = await stores.records.getVillage(request.villageId);
  if (!village) throw new VillageNotFoundError(request.villageId);
  const context = await contextFor(assessmentQuarter(request.year, currentQuarter));
  const { score, households, verdictWrites } = await scoreAndStoreVillage(stores, context, village.villageId);
  const { countyId } = village;
  const { verdict: countyVerdict, writes: countyWrites } = await aggregateCounty(stores, context, countyId);
  return {
    villageId: request.villageId,
    countyId,
    quarter: context.quarter,
    village: score.villageVerdict,
    county: countyVerdict ?? null,
    households: { count: households, outcomes: outcomesById(score.verdicts.filter((v) => v.subjectType === 'household')) },
    verdictWrites: verdictWrites + countyWrites,
  };
}
