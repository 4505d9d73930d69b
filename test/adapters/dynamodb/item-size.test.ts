import { describe, expect, it } from 'vitest';
import { batchWrite } from '../../../src/adapters/dynamodb/batch-write.js';
import { createDynamoTable, type DynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { DYNAMO_LIMITS, itemLimitBreaches, itemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { StoreWriteError } from '../../../src/adapters/dynamodb/store-errors.js';
import { useDynalite } from '../../helpers/dynalite.js';

const dynalite = useDynalite();
const table = (): DynamoTable => createDynamoTable(dynalite.client, dynalite.tableName, { attempts: 1, sleep: async () => {} });

/** Numbers of every shape DynamoDB sizes differently, nested in maps and lists, so the count is tested beyond strings. */
const CONTENT = {
  numbers: [0, 7, 12, 120, -120, 4210.5, 0.001, 0.5, 1e21, 123456789.123, -0.25, 3535, 98.6, 10, 100, 2018, 1000000, -7, 90210, 9007199254740991],
  nested: { flags: [true, false, null], deeper: { ratio: 0.03, label: 'abc' } },
  empty: { list: [], map: {} },
};

/** An item of exactly `size` bytes by `itemSize`, padded with ASCII (dynalite counts characters, DynamoDB UTF-8 bytes: ASCII is both). */
function itemOf(size: number, pk: string): Record<string, unknown> {
  const base = { pk, sk: 'SIZE', kind: 'size-test', data: CONTENT, pad: '' };
  return { ...base, pad: 'x'.repeat(size - itemSize(base)) };
}

async function accepted(item: Record<string, unknown>): Promise<boolean> {
  try {
    await batchWrite(table(), [{ put: item }]);
    return true;
  } catch (error) {
    if (error instanceof StoreWriteError) return false;
    throw error;
  }
}

describe('the item size as DynamoDB counts it, against dynalite', () => {
  it('accepts an item of exactly 400 KB and refuses one a byte bigger, as itemLimitBreaches says', async () => {
    const fits = itemOf(DYNAMO_LIMITS.itemBytes, 'SIZE#fits');
    const over = itemOf(DYNAMO_LIMITS.itemBytes + 1, 'SIZE#over');
    expect(itemSize(fits)).toBe(409_600);
    expect(itemLimitBreaches(fits)).toEqual([]);
    expect(itemLimitBreaches(over)).toEqual([{ limit: 'item', bytes: 409_601, max: 409_600, largest: { path: 'pad', bytes: expect.any(Number) } }]);
    expect(await accepted(fits)).toBe(true);
    expect(await accepted(over)).toBe(false);
  });

  it('agrees on the numbers: one byte less of padding than the numbers need is refused', async () => {
    // Were a number counted even one byte short, this item would fit by our count and be refused, or the reverse.
    const numbersOnly = { pk: 'SIZE#numbers', sk: 'SIZE', data: { numbers: CONTENT.numbers } };
    const padTo = (size: number) => ({ ...numbersOnly, pad: 'y'.repeat(size - itemSize({ ...numbersOnly, pad: '' })) });
    expect(await accepted(padTo(DYNAMO_LIMITS.itemBytes))).toBe(true);
    expect(await accepted(padTo(DYNAMO_LIMITS.itemBytes + 1))).toBe(false);
  });

  it('accepts a partition key of 2,048 bytes and refuses 2,049', async () => {
    const at = { pk: 'P'.repeat(2048), sk: 'KEY' };
    const over = { pk: 'P'.repeat(2049), sk: 'KEY' };
    expect(itemLimitBreaches(at)).toEqual([]);
    expect(itemLimitBreaches(over)).toEqual([{ limit: 'partition-key', attribute: 'pk', bytes: 2049, max: 2048 }]);
    expect(await accepted(at)).toBe(true);
    expect(await accepted(over)).toBe(false);
  });

  it('accepts a sort key of 1,024 bytes and refuses 1,025', async () => {
    const at = { pk: 'SORT', sk: 'S'.repeat(1024) };
    const over = { pk: 'SORT', sk: 'S'.repeat(1025) };
    expect(itemLimitBreaches(at)).toEqual([]);
    expect(itemLimitBreaches(over)).toEqual([{ limit: 'sort-key', attribute: 'sk', bytes: 1025, max: 1024 }]);
    expect(await accepted(at)).toBe(true);
    expect(await accepted(over)).toBe(false);
  });
});

describe('the item size in UTF-8 bytes, as DynamoDB counts (dynalite counts characters)', () => {
  it('counts a Chinese character as 3 bytes, in values, names and keys', () => {
    expect(itemSize({ 名: '乡城县' })).toBe(3 + 9);
    expect(itemLimitBreaches({ pk: '县'.repeat(683), sk: 'K' })).toEqual([{ limit: 'partition-key', attribute: 'pk', bytes: 2049, max: 2048 }]);
    expect(itemLimitBreaches({ pk: 'K', sk: 'K', data: '村'.repeat(140_000) })[0]).toMatchObject({ limit: 'item', bytes: 420_000 + 3 + 3 + 4 });
  });

  it('holds the index keys to the same limits as the table keys', () => {
    expect(itemLimitBreaches({ pk: 'K', sk: 'K', gsi1pk: 'G'.repeat(2049), gsi1sk: 'S'.repeat(1025) })).toEqual([
      { limit: 'partition-key', attribute: 'gsi1pk', bytes: 2049, max: 2048 },
      { limit: 'sort-key', attribute: 'gsi1sk', bytes: 1025, max: 1024 },
    ]);
  });
});
