import type { CardRecord, UnitType } from '../standards/accountability/accountability-input.js';
import type { ListRow, ScoreRow } from '../standards/accountability/accountability-output.js';

/** Scores, lists and the card history. Cards are keyed by unit and quarter, so re-appending is idempotent. */
export interface AccountabilityStore {
  /** Writes the quarter's card of each unit, replacing the same quarter only; returns how many changed. */
  putCards(cards: readonly CardRecord[]): Promise<number>;
  listCards(unitType: UnitType, unitId: string): Promise<CardRecord[]>;
  /** Replaces the county's scores and lists for the quarter; returns how many score rows changed. */
  putCountyAccountability(quarter: string, countyId: string, scores: readonly ScoreRow[], lists: readonly ListRow[]): Promise<number>;
  listScores(quarter: string, countyId: string): Promise<ScoreRow[]>;
  listLists(quarter: string, countyId: string): Promise<ListRow[]>;
}
