import type { ItemOutcome } from '../engine/verdict.js';

/** Which households count as remaining poor, from the village-exit rule set's parameters. */
export interface RemainingPoorRule {
  /** Statuses that remain poor unless their household-exit outcome is `pass`. */
  readonly notPassingStatuses: readonly string[];
  /** Statuses that count again when their household-exit outcome is `fail` (错退). */
  readonly failingStatuses: readonly string[];
}

export interface HouseholdForIncidence {
  readonly status: string;
  readonly memberCount: number;
  readonly exitOutcome: ItemOutcome | null;
}

export interface RemainingPoor {
  /** People in households that remain poor. */
  readonly people: number;
  /** Of those, people counted only because their household's verdict is `unknown`. */
  readonly peopleWithUnknownVerdict: number;
  readonly households: number;
}

/** Remaining poor people of a set of households, as standards.md §3 defines them. */
export function countRemainingPoor(households: Iterable<HouseholdForIncidence>, rule: RemainingPoorRule): RemainingPoor {
  let people = 0;
  let peopleWithUnknownVerdict = 0;
  let count = 0;
  for (const household of households) {
    const remains =
      (rule.notPassingStatuses.includes(household.status) && household.exitOutcome !== 'pass') ||
      (rule.failingStatuses.includes(household.status) && household.exitOutcome === 'fail');
    if (!remains) continue;
    people += household.memberCount;
    count += 1;
    if (household.exitOutcome !== 'fail') peopleWithUnknownVerdict += household.memberCount;
  }
  return { people, peopleWithUnknownVerdict, households: count };
}
