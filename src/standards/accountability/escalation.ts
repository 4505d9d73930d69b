import type { Card } from './accountability-input.js';
import type { EscalationRule } from './accountability-parameters.js';
import { firstOrdinalOfYear, quarterFromOrdinal, type Quarter } from '../../kernel/quarter.js';

/** A unit's yellow-card record as of the run's quarter. */
export interface Escalation {
  /** Consecutive yellow quarters ending at the run's quarter (across years); 0 without a yellow card now. */
  readonly consecutiveYellow: number;
  /** Yellow cards in the run's year up to and including its quarter, whatever the card now. */
  readonly yellowThisYear: number;
  /** The quarters counted by `consecutiveYellow`, oldest first. */
  readonly consecutiveQuarters: readonly string[];
  /** The quarters counted by `yellowThisYear`, oldest first. */
  readonly yearQuarters: readonly string[];
}

const YELLOW: Card = 'yellow-card';

/**
 * Counts a unit's yellow cards: `past` holds its stored cards of earlier quarters (by
 * ordinal, see `indexCardHistory`), `card` its card of the run's quarter.
 */
export function escalate(past: ReadonlyMap<number, Card | null> | undefined, quarter: Quarter, card: Card | null): Escalation {
  const isYellow = (ordinal: number): boolean => (ordinal === quarter.ordinal ? card === YELLOW : past?.get(ordinal) === YELLOW);
  const consecutiveQuarters: string[] = [];
  if (card === YELLOW) {
    for (let ordinal = quarter.ordinal; isYellow(ordinal); ordinal -= 1) consecutiveQuarters.unshift(quarterFromOrdinal(ordinal).text);
  }
  const yearQuarters: string[] = [];
  for (let ordinal = firstOrdinalOfYear(quarter.year); ordinal <= quarter.ordinal; ordinal += 1) {
    if (isYellow(ordinal)) yearQuarters.push(quarterFromOrdinal(ordinal).text);
  }
  return { consecutiveYellow: consecutiveQuarters.length, yellowThisYear: yearQuarters.length, consecutiveQuarters, yearQuarters };
}

/** Whether an escalation rule (interview or resignation) is reached; only asked of units yellow now. */
export function escalationReached(rule: EscalationRule, escalation: Escalation): boolean {
  const count = rule.mode === 'consecutive' ? escalation.consecutiveYellow : escalation.yellowThisYear;
  return count >= rule.count;
}
