import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { queryAll } from '../../../src/adapters/dynamodb/query-all.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { card, listRow, scoreRow } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

const scoresOf = (count: number, score = 90) => Array.from({ length: count }, (_, i) => scoreRow({ unitId: `T${i}`, score }));

describe('the DynamoDB accountability store', () => {
  it('appends a quarter of cards again without writing anything', async () => {
    const { accountability } = dynalite.stores();
    const cards = Array.from({ length: 40 }, (_, i) => card({ unitId: `IDEM-${i}`, card: i % 3 === 0 ? null : 'yellow-card' }));
    expect(await accountability.putCards(cards)).toBe(40);
    log.clear();
    expect(await accountability.putCards(cards)).toBe(0);
    expect(log.batchWrites()).toBe(0);
    expect(await accountability.listCards('township', 'IDEM-3')).toEqual([card({ unitId: 'IDEM-3', card: null })]);
  });

  it('keeps one card per unit and quarter however often it is put', async () => {
    const { accountability } = dynalite.stores();
    await accountability.putCards([card({ unitId: 'ONE', card: 'red-flag' })]);
    await accountability.putCards([card({ unitId: 'ONE', card: 'yellow-card' }), card({ unitId: 'ONE', card: null })]);
    expect(await accountability.listCards('township', 'ONE')).toEqual([card({ unitId: 'ONE', card: null })]);
  });

  it('rewrites only the score rows that changed and deletes rows no longer present', async () => {
    const { accountability } = dynalite.stores();
    await accountability.putCountyAccountability('2018Q3', 'REPL', scoresOf(30), [listRow(), listRow({ list: 'resignation' })]);
    const next = scoresOf(30).map((row, i) => (i === 7 ? { ...row, score: 55.5 } : row)).slice(0, 20);
    log.clear();
    expect(await accountability.putCountyAccountability('2018Q3', 'REPL', next, [listRow()])).toBe(1);
    expect(log.batchWrites()).toBe(1 + 10 + 1);
    const items = await queryAll(createDynamoTable(dynalite.client, dynalite.tableName), keys.countyAccountability('2018Q3', 'REPL'), { consistent: true });
    expect(items).toHaveLength(21);
    expect(await accountability.listScores('2018Q3', 'REPL')).toEqual(next);
    expect(await accountability.listLists('2018Q3', 'REPL')).toEqual([listRow()]);
  });

  it('writes nothing when the same scores and lists are put again', async () => {
    const { accountability } = dynalite.stores();
    await accountability.putCountyAccountability('2018Q3', 'SAME', scoresOf(5), [listRow()]);
    log.clear();
    expect(await accountability.putCountyAccountability('2018Q3', 'SAME', scoresOf(5), [listRow()])).toBe(0);
    expect(log.batchWrites()).toBe(0);
  });
});
