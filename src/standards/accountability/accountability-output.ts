import type { LocalizedText } from '../../engine/verdict.js';
import type { Card, CardRecord, UnitType } from './accountability-input.js';
import type { IndicatorId } from './indicators.js';

/** The counts behind one indicator value. */
export interface IndicatorDetail {
  readonly numerator: number;
  readonly denominator: number;
  /** No household was counted; the indicator scored full marks. */
  readonly emptyDenominator: boolean;
}

/** One line of `scores.jsonl`: a unit's score, indicators and card for the quarter. */
export interface ScoreRow {
  readonly unitType: UnitType;
  readonly unitId: string;
  readonly countyId: string;
  readonly quarter: string;
  /** Rounded half up to the rule set's `scoreDecimals`. */
  readonly score: number;
  /** Unrounded fractions 0..1. */
  readonly indicators: Record<IndicatorId, number>;
  readonly card: Card | null;
  readonly consecutiveYellow: number;
  readonly yellowThisYear: number;
  readonly details: Record<IndicatorId, IndicatorDetail>;
}

/** An indicator that pulled a listed unit's score down, with who pulled it down. */
export interface ListReason {
  readonly indicator: IndicatorId;
  readonly label: LocalizedText;
  /** Unrounded fraction 0..1. */
  readonly value: number;
  /** weight × (1 − value), rounded like the score. */
  readonly pointsLost: number;
  /** The counted households that do not pass the indicator, sorted. */
  readonly households: readonly string[];
  /** Their distinct villages, sorted. */
  readonly villages: readonly string[];
}

export const LIST_NAMES = ['interview', 'resignation'] as const;

/** `interview` (约谈问责) or `resignation` (引咎辞职). */
export type ListName = (typeof LIST_NAMES)[number];

/** One line of `accountability.jsonl`: an official put on a list, and why. */
export interface ListRow {
  readonly list: ListName;
  readonly quarter: string;
  readonly unitType: UnitType;
  readonly unitId: string;
  readonly unitName: string | null;
  readonly official: { readonly name: string | null; readonly title: string | null };
  /** Present only when the official is not fully known: `principal`, or `principal.name` / `principal.title`. */
  readonly missing?: readonly string[];
  /** The English trigger, e.g. `2 consecutive yellow cards (2018Q3, 2018Q4)`. */
  readonly trigger: string;
  readonly triggerLabel: LocalizedText;
  /** The yellow quarters that triggered the row, oldest first. */
  readonly cardHistory: readonly string[];
  readonly reasons: readonly ListReason[];
}

/** Everything an accountability run produces. */
export interface AccountabilityRun {
  /** Sorted by unit type, unit id. */
  readonly scores: ScoreRow[];
  /** Sorted by list (interview first), unit type, unit id. */
  readonly lists: ListRow[];
  /** This quarter's card of every unit (null where none), to append to the card history; sorted like `scores`. */
  readonly cards: CardRecord[];
}
