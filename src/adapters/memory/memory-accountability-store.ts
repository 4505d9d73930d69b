import type { AccountabilityStore } from '../../ports/stores.js';
import type { CardRecord, UnitType } from '../../standards/accountability/accountability-input.js';
import type { ListRow, ScoreRow } from '../../standards/accountability/accountability-output.js';
import { canonicalJson } from '../../kernel/canonical-json.js';

/** Cards, scores and lists in maps. */
export class MemoryAccountabilityStore implements AccountabilityStore {
  /** Cards by unit, then by quarter: a unit's history is read without scanning every unit's. */
  private readonly cards = new Map<string, Map<string, CardRecord>>();
  private readonly scores = new Map<string, ScoreRow[]>();
  private readonly lists = new Map<string, ListRow[]>();

  async putCards(cards: readonly CardRecord[]): Promise<number> {
    let changed = 0;
    for (const card of cards) {
      const unit = `${card.unitType}#${card.unitId}`;
      let history = this.cards.get(unit);
      if (!history) this.cards.set(unit, (history = new Map()));
      if (history.get(card.quarter)?.card === card.card) continue;
      history.set(card.quarter, card);
      changed += 1;
    }
    return changed;
  }
  async listCards(unitType: UnitType, unitId: string): Promise<CardRecord[]> {
    return [...(this.cards.get(`${unitType}#${unitId}`) ?? new Map<string, CardRecord>()).entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, c]) => c);
  }
  async putCountyAccountability(quarter: string, countyId: string, scores: readonly ScoreRow[], lists: readonly ListRow[]): Promise<number> {
    const key = `${quarter}#${countyId}`;
    const before = new Map((this.scores.get(key) ?? []).map((s) => [`${s.unitType}#${s.unitId}`, canonicalJson(s)]));
    const changed = scores.filter((s) => before.get(`${s.unitType}#${s.unitId}`) !== canonicalJson(s)).length;
    this.scores.set(key, [...scores]);
    this.lists.set(key, [...lists]);
    return changed;
  }
  async listScores(quarter: string, countyId: string): Promise<ScoreRow[]> {
    return this.scores.get(`${quarter}#${countyId}`) ?? [];
  }
  async listLists(quarter: string, countyId: string): Promise<ListRow[]> {
    return this.lists.get(`${quarter}#${countyId}`) ?? [];
  }
}
