import type { LocalizedText } from '../../engine/verdict.js';
import type { HouseholdExitSummary } from './accountability-input.js';
import type { AccountabilityParameters } from './accountability-parameters.js';
import type { ListReason } from './accountability-output.js';
import { householdsAgainst, INDICATOR_IDS, pointsLost, type IndicatorId, type IndicatorRule, type IndicatorTally } from './indicators.js';
import { compareText } from '../../kernel/text.js';
import { roundHalfUp } from './round-half-up.js';

/**
 * Why a unit scored what it did: one reason per indicator below full marks, the costliest
 * first (points lost, then indicator id), each naming the households and villages that count
 * against it, so a list row can be read without opening the data.
 */
export function listReasons(
  households: () => Iterable<HouseholdExitSummary>,
  tallies: Record<IndicatorId, IndicatorTally>,
  rules: Record<IndicatorId, IndicatorRule>,
  parameters: AccountabilityParameters,
  labels: Readonly<Record<IndicatorId, LocalizedText>>,
): ListReason[] {
  const lost = INDICATOR_IDS.filter((id) => tallies[id].value < 1)
    .map((id) => ({ id, points: pointsLost(id, tallies[id].value, parameters) }))
    .sort((a, b) => b.points - a.points || compareText(a.id, b.id));
  return lost.map(({ id, points }) => {
    const against = householdsAgainst(households(), rules[id]);
    return {
      indicator: id,
      label: labels[id],
      value: tallies[id].value,
      pointsLost: roundHalfUp(points, parameters.scoreDecimals),
      households: against.map((h) => h.householdId).sort(compareText),
      villages: [...new Set(against.map((h) => h.villageId))].sort(compareText),
    };
  });
}
