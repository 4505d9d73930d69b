import { describe, expect, it } from 'vitest';
import { cardItem, dataOf, householdItem, runItem, verdictItem } from '../../../src/adapters/dynamodb/mappers.js';
import { StoreReadError } from '../../../src/adapters/dynamodb/store-errors.js';
import { card, household, run, verdict } from './builders.js';

describe('the item mappers', () => {
  it('keep the entity whole under data, next to its table and index keys', () => {
    const h = household({ householdId: 'H1', villageId: 'V1', pk: 'a loose field named like a key' });
    expect(householdItem(h)).toEqual({ pk: 'HOUSEHOLD#H1', sk: 'HOUSEHOLD', gsi1pk: 'VILLAGE#V1#HOUSEHOLDS', gsi1sk: 'H1', kind: 'household', data: h });
    expect(dataOf(householdItem(h), 'household')).toBe(h);
  });

  it('copy to the top only what a condition or a projection reads', () => {
    expect(verdictItem('V1', verdict())).toMatchObject({ pk: 'PARTITION#V1', determinationId: 'd-1' });
    expect(runItem(run())).toMatchObject({ quarter: '2018Q3', startedAt: '2018-09-30T18:00:00.000Z' });
    expect(Object.keys(cardItem(card())).sort()).toEqual(['data', 'kind', 'pk', 'sk']);
  });

  it('refuse to read an item of another kind as the entity asked for', () => {
    expect(() => dataOf(cardItem(card()), 'household')).toThrow(StoreReadError);
    expect(() => dataOf({ pk: 'x', sk: 'y', kind: 'card' }, 'card')).toThrow(StoreReadError);
  });
});
