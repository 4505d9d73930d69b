import type { Card, CardRecord, UnitType } from './accountability-input.js';
import { quarterOrNull, type Quarter } from '../../kernel/quarter.js';
import { AccountabilityInputError } from './accountability-input.js';

/**
 * A unit's identity across both unit types, written `township:513336-01` (the form the
 * worked example uses). Unambiguous because a unit type never contains a colon.
 */
export function unitKey(unitType: UnitType, unitId: string): string {
  return `${unitType}:${unitId}`;
}

/**
 * A quarter of the accountability input (the run's, or a stored card's). A malformed one makes
 * the input unusable: an `AccountabilityInputError`, as the other faults of the input are.
 */
export function inputQuarter(text: string): Quarter {
  const quarter = quarterOrNull(text);
  if (quarter === null) throw new AccountabilityInputError(`quarter ${JSON.stringify(text)} is not like 2018Q3`);
  return quarter;
}

/** Per unit key, the stored card of each earlier quarter (by quarter ordinal). */
export type CardHistoryIndex = ReadonlyMap<string, ReadonlyMap<number, Card | null>>;

/**
 * Indexes the stored card history as seen from the run's quarter. Only quarters before it are
 * kept: the run's own card replaces any stored card of its quarter, and later quarters (a
 * re-run of an old quarter) must not count. When the history holds two records for the same
 * unit and quarter, the later record wins, as the history is appended to over time.
 */
export function indexCardHistory(history: Iterable<CardRecord>, runQuarter: Quarter): CardHistoryIndex {
  const index = new Map<string, Map<number, Card | null>>();
  for (const record of history) {
    const { ordinal } = inputQuarter(record.quarter);
    if (ordinal >= runQuarter.ordinal) continue;
    const key = unitKey(record.unitType, record.unitId);
    let cards = index.get(key);
    if (!cards) {
      cards = new Map();
      index.set(key, cards);
    }
    cards.set(ordinal, record.card);
  }
  return index;
}
