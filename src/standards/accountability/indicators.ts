import type { HouseholdExitSummary, HouseholdStatus } from './accountability-input.js';
import type { AccountabilityParameters } from './accountability-parameters.js';
import { roundHalfUp } from './round-half-up.js';

/**
 * The accountability indicators, in report order. Their meaning is code (what is counted);
 * their weights and everything numeric about them come from the rule set.
 */
export const INDICATOR_IDS = ['exit-target', 'assurances', 'stability', 'data-quality'] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** Which households an indicator counts (its denominator) and which of those pass (its numerator). */
export interface IndicatorRule {
  readonly counts: (household: HouseholdExitSummary) => boolean;
  readonly passes: (household: HouseholdExitSummary) => boolean;
}

/**
 * The four indicators of standards.md §7 for assessment year `year`. A counted household
 * whose household-exit verdict is missing (`exit` null) never passes: a registered household
 * is always judged by household-exit, so a missing verdict is a gap in the run, and a gap
 * must not earn points.
 */
export function indicatorRules(parameters: AccountabilityParameters, year: number): Record<IndicatorId, IndicatorRule> {
  const registered = new Set<HouseholdStatus>(parameters.registeredStatuses);
  const exited = new Set<HouseholdStatus>(parameters.exitedStatuses);
  const isRegistered = (h: HouseholdExitSummary): boolean => registered.has(h.status);
  return {
    'exit-target': {
      counts: (h) => isRegistered(h) && h.plannedExitYear === year,
      passes: (h) => h.exit?.outcome === 'pass',
    },
    assurances: {
      counts: isRegistered,
      // An assurance item absent from the verdict is not a pass.
      passes: (h) => h.exit !== null && parameters.assuranceItems.every((id) => h.exit?.items[id] === 'pass'),
    },
    stability: {
      counts: (h) => exited.has(h.status),
      passes: (h) => h.exit !== null && h.exit.outcome !== 'fail',
    },
    'data-quality': {
      counts: isRegistered,
      passes: (h) => h.exit !== null && !Object.values(h.exit.items).includes('unknown'),
    },
  };
}

/** One indicator of one unit: the counts and the unrounded share. */
export interface IndicatorTally {
  readonly numerator: number;
  readonly denominator: number;
  /** True when no household was counted: the value is then full marks (1). */
  readonly emptyDenominator: boolean;
  /** numerator / denominator, unrounded, or 1 when the denominator is empty. */
  readonly value: number;
}

/** Counts every indicator over a unit's households in one pass. */
export function tallyIndicators(
  households: Iterable<HouseholdExitSummary>,
  rules: Record<IndicatorId, IndicatorRule>,
): Record<IndicatorId, IndicatorTally> {
  // Plain loops: this runs over every household of a province, about twice.
  const ruleList = INDICATOR_IDS.map((id) => rules[id]);
  const counts = INDICATOR_IDS.map(() => ({ numerator: 0, denominator: 0 }));
  for (const household of households) {
    for (let index = 0; index < ruleList.length; index += 1) {
      const rule = ruleList[index]!;
      if (!rule.counts(household)) continue;
      const count = counts[index]!;
      count.denominator += 1;
      if (rule.passes(household)) count.numerator += 1;
    }
  }
  const tallies = INDICATOR_IDS.map((id, index) => {
    const { numerator, denominator } = counts[index]!;
    const emptyDenominator = denominator === 0;
    return [id, { numerator, denominator, emptyDenominator, value: emptyDenominator ? 1 : numerator / denominator }] as const;
  });
  return Object.fromEntries(tallies) as Record<IndicatorId, IndicatorTally>;
}

/** The counted households of one indicator that do not pass it, in input order. */
export function householdsAgainst(households: Iterable<HouseholdExitSummary>, rule: IndicatorRule): HouseholdExitSummary[] {
  const against: HouseholdExitSummary[] = [];
  for (const household of households) if (rule.counts(household) && !rule.passes(household)) against.push(household);
  return against;
}

/**
 * A unit's score: Σ weight × value over the indicators on unrounded values, then rounded
 * half up to the rule set's `scoreDecimals` (the rounded score is what is ranked).
 */
export function unitScore(tallies: Record<IndicatorId, IndicatorTally>, parameters: AccountabilityParameters): number {
  const sum = INDICATOR_IDS.reduce((total, id) => total + parameters.weights[id] * tallies[id].value, 0);
  return roundHalfUp(sum, parameters.scoreDecimals);
}

/** Points an indicator cost the unit: weight × (1 − value), unrounded. */
export function pointsLost(id: IndicatorId, value: number, parameters: AccountabilityParameters): number {
  return parameters.weights[id] * (1 - value);
}
