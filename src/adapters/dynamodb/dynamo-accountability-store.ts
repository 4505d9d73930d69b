import type { AccountabilityStore } from '../../ports/stores.js';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { CardRecord, UnitType } from '../../standards/accountability/accountability-input.js';
import type { ListRow, ScoreRow } from '../../standards/accountability/accountability-output.js';
import { batchGet } from './batch-get.js';
import { batchWrite, type WriteRequest } from './batch-write.js';
import { compareText } from '../../kernel/text.js';
import type { DynamoTable } from './dynamo-table.js';
import { keys } from './keys.js';
import { cardItem, dataOf, listRowItem, scoreItem, type Item } from './mappers.js';
import { queryAll } from './query-all.js';

const cardKey = (c: CardRecord) => keys.card(c.unitType, c.unitId, c.quarter);
const skOf = (item: Item) => String(item.sk);

/**
 * Cards (one partition per unit, one item per quarter) and a county's scores and lists of a
 * quarter (one partition, rows keyed by position so they read back in the order given).
 */
export class DynamoAccountabilityStore implements AccountabilityStore {
  constructor(private readonly table: DynamoTable) {}

  /** Reads the stored cards of these unit-quarters in one BatchGet and writes only those whose card differs. */
  async putCards(cards: readonly CardRecord[]): Promise<number> {
    const stored = new Map<string, CardRecord['card']>();
    for (const item of await batchGet(this.table, cards.map(cardKey))) stored.set(`${String(item.pk)}#${skOf(item)}`, dataOf<CardRecord>(item, 'card').card);
    const writes: Item[] = [];
    for (const card of cards) {
      const key = cardKey(card);
      const id = `${key.pk}#${key.sk}`;
      if (stored.has(id) && stored.get(id) === card.card) continue;
      stored.set(id, card.card);
      writes.push(cardItem(card));
    }
    await batchWrite(this.table, writes.map((put) => ({ put })));
    return writes.length;
  }

  /** A unit's cards by quarter. */
  async listCards(unitType: UnitType, unitId: string): Promise<CardRecord[]> {
    const cards = (await queryAll(this.table, keys.unitCards(unitType, unitId), { consistent: true })).map((item) => dataOf<CardRecord>(item, 'card'));
    return cards.sort((a, b) => compareText(a.quarter, b.quarter));
  }

  /**
   * Replaces the quarter's scores and lists of the county: reads the partition once, rewrites
   * the rows that differ from what is stored at their position and deletes the rows beyond the
   * new lists. Returns the score rows whose content changed for their unit, like the memory store.
   */
  async putCountyAccountability(quarter: string, countyId: string, scores: readonly ScoreRow[], lists: readonly ListRow[]): Promise<number> {
    const stored = await queryAll(this.table, keys.countyAccountability(quarter, countyId), { consistent: true });
    const storedText = new Map(stored.map((item) => [skOf(item), canonicalJson(item.data)]));
    const before = new Map(
      stored.filter((item) => item.kind === 'score').map((item) => {
        const row = dataOf<ScoreRow>(item, 'score');
        return [`${row.unitType}#${row.unitId}`, canonicalJson(row)];
      }),
    );
    const changed = scores.filter((s) => before.get(`${s.unitType}#${s.unitId}`) !== canonicalJson(s)).length;

    const wanted = [...scores.map((row, i) => scoreItem(quarter, countyId, i, row)), ...lists.map((row, i) => listRowItem(quarter, countyId, i, row))];
    const wantedKeys = new Set(wanted.map(skOf));
    const writes: WriteRequest[] = [
      ...wanted.filter((item) => storedText.get(skOf(item)) !== canonicalJson(item.data)).map((put) => ({ put })),
      ...stored.filter((item) => !wantedKeys.has(skOf(item))).map((item) => ({ delete: { pk: String(item.pk), sk: skOf(item) } })),
    ];
    await batchWrite(this.table, writes);
    return changed;
  }

  async listScores(quarter: string, countyId: string): Promise<ScoreRow[]> {
    return (await queryAll(this.table, keys.countyScores(quarter, countyId), { consistent: true })).map((item) => dataOf<ScoreRow>(item, 'score'));
  }

  async listLists(quarter: string, countyId: string): Promise<ListRow[]> {
    return (await queryAll(this.table, keys.countyLists(quarter, countyId), { consistent: true })).map((item) => dataOf<ListRow>(item, 'list-row'));
  }
}
