import { judge } from '../../engine/judge.js';
import type { ItemOutcome, Verdict } from '../../engine/verdict.js';
import type { Region } from '../../engine/parameters.js';
import type { Household, Village } from '../../records/records.js';
import type { HouseholdExitSummary } from '../../standards/accountability/accountability-input.js';
import type { CountyPopulation } from '../../standards/county-exit-facts.js';
import { countRemainingPoor } from '../../standards/remaining-poor.js';
import { villageExitFacts, villageFigures } from '../../standards/village-exit-facts.js';
import { judgeHousehold } from './judge-household.js';
import type { ScoringContext } from '../scoring-context.js';

/** What scoring one village yields: its verdicts and the partial sums its county and units need. */
export interface VillageScore {
  readonly villageId: string;
  /** Household verdicts then the village verdict. */
  readonly verdicts: Verdict[];
  readonly villageVerdict: Verdict;
  readonly summaries: HouseholdExitSummary[];
  readonly population: CountyPopulation;
}

/**
 * Judges every household of a village, then the village itself: remaining poor people are the
 * members of households that, after this run, do not meet the household standard (§3). With
 * `rejectedRows` (the village's household set is incomplete) the incidence is `unknown`.
 */
export async function scoreVillage(
  context: ScoringContext,
  village: Village,
  region: Region | null,
  households: readonly Household[],
  rejectedRows: readonly string[] = [],
): Promise<VillageScore> {
  const verdicts: Verdict[] = [];
  const summaries: HouseholdExitSummary[] = [];
  const forIncidence: { status: string; memberCount: number; exitOutcome: ItemOutcome | null }[] = [];
  const { registeredStatuses, exitedStatuses } = context.countyExit.context;
  let exitedPopulation = 0;
  let registeredPopulation = 0;
  for (const household of households) {
    const judged = await judgeHousehold(context, household);
    verdicts.push(...judged.verdicts);
    summaries.push(judged.summary);
    const memberCount = household.members?.length ?? 0;
    const exitOutcome = judged.summary.exit?.outcome ?? null;
    forIncidence.push({ status: household.status, memberCount, exitOutcome });
    if (exitedStatuses.includes(household.status)) exitedPopulation += memberCount;
    if (registeredStatuses.includes(household.status)) registeredPopulation += memberCount;
  }
  const { villageExit } = context;
  const remaining = countRemainingPoor(forIncidence, villageExit.context.remainingPoor);
  const figures = villageFigures(village, remaining);
  const villageVerdict = await judge(
    context.evaluator,
    villageExit.prepared,
    { type: 'village', id: village.villageId, figures },
    villageExitFacts(village, region, remaining, villageExit.context, rejectedRows),
  );
  verdicts.push(villageVerdict);
  return {
    villageId: village.villageId,
    verdicts,
    villageVerdict,
    summaries,
    population: { remainingPoor: remaining.people, exitedPopulation, registeredPopulation },
  };
}
