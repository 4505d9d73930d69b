import type { Card, UnitType } from './accountability-input.js';
import type { AccountabilityParameters } from './accountability-parameters.js';

/** A unit as ranked: its key (any unique string), its peer group and its rounded score. */
export interface RankedUnit {
  readonly key: string;
  readonly unitType: UnitType;
  readonly countyId: string;
  readonly score: number;
}

/**
 * The first `n` of an already ordered list, plus every later entry scoring the same as the
 * n-th: ties at the cut-off are all in.
 */
function firstWithTies(ordered: readonly RankedUnit[], n: number): RankedUnit[] {
  if (n <= 0 || ordered.length === 0) return [];
  if (ordered.length <= n) return [...ordered];
  const cutOff = ordered[n - 1]!.score;
  return ordered.filter((unit, index) => index < n || unit.score === cutOff);
}

function groupByPeers(units: readonly RankedUnit[]): RankedUnit[][] {
  const groups = new Map<string, RankedUnit[]>();
  for (const unit of units) {
    const key = JSON.stringify([unit.unitType, unit.countyId]);
    const group = groups.get(key);
    if (group) group.push(unit);
    else groups.set(key, [unit]);
  }
  return [...groups.values()];
}

/**
 * This quarter's cards (standards.md §7), ranked among units of the same type in the same
 * county on their rounded scores. Red flag: the top `redFlag.top` among scores ≥
 * `redFlag.minScore`. Yellow card, among units without a red flag: the bottom
 * `yellowCard.bottom` among scores < `yellowCard.belowScore`, plus every score <
 * `yellowCard.alwaysBelow`. Ties at a cut-off are all included. Returns a card (or null) per key.
 */
export function assignCards(
  units: readonly RankedUnit[],
  parameters: Pick<AccountabilityParameters, 'redFlag' | 'yellowCard'>,
): Map<string, Card | null> {
  const { redFlag, yellowCard } = parameters;
  const cards = new Map<string, Card | null>(units.map((unit) => [unit.key, null]));
  for (const group of groupByPeers(units)) {
    const best = group.filter((unit) => unit.score >= redFlag.minScore).sort((a, b) => b.score - a.score);
    const flagged = new Set(firstWithTies(best, redFlag.top).map((unit) => unit.key));
    const others = group.filter((unit) => !flagged.has(unit.key));
    const worst = others.filter((unit) => unit.score < yellowCard.belowScore).sort((a, b) => a.score - b.score);
    const carded = [...firstWithTies(worst, yellowCard.bottom), ...others.filter((unit) => unit.score < yellowCard.alwaysBelow)];
    for (const key of flagged) cards.set(key, 'red-flag');
    for (const unit of carded) cards.set(unit.key, 'yellow-card');
  }
  return cards;
}
