import type { HouseholdExitSummary } from './accountability-input.js';
import { INDICATOR_IDS, type IndicatorId } from './indicator-ids.js';
import type { IndicatorRule } from './indicator-rules.js';

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
