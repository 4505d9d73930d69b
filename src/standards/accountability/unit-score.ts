import type { AccountabilityParameters } from './accountability-parameters.js';
import { INDICATOR_IDS, type IndicatorId } from './indicator-ids.js';
import { roundHalfUp } from './round-half-up.js';
import type { IndicatorTally } from './tally-indicators.js';

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
