import { beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { decodeRoster, encodeRoster, ROSTER_LIMIT_BYTES, rosterWrite } from '../../../src/adapters/dynamodb/household-roster.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import type { Household } from '../../../src/records/records.js';
import type { Stores } from '../../../src/ports/stores.js';
import { importDataset } from '../../../src/use-cases/import/import-dataset.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { county, household, village } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

/** Fails, once, the next BatchWriteItem whose requests match: a write interrupted at that step. */
function failNextWrite(match: (requests: { PutRequest?: { Item: { pk: string; sk: string } }; DeleteRequest?: { Key: { pk: string; sk: string } } }[]) => boolean): void {
  let armed = true;
  dynalite.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { RequestItems?: Record<string, Parameters<typeof match>[0]> };
      if (armed && context.commandName === 'BatchWriteItemCommand' && match(Object.values(input.RequestItems ?? {}).flat())) {
        armed = false;
        throw Object.assign(new Error('the connection dropped'), { name: 'InternalFailure' });
      }
      return next(args);
    },
    { step: 'initialize', name: `tuopinFailNextWrite${Math.random()}` },
  );
}
const putsHousehold = (requests: Parameters<Parameters<typeof failNextWrite>[0]>[0]) => requests.some((r) => r.PutRequest?.Item.pk.startsWith('HOUSEHOLD#'));
const putsRoster = (requests: Parameters<Parameters<typeof failNextWrite>[0]>[0]) => requests.some((r) => r.PutRequest?.Item.sk === 'HOUSEHOLDS');

async function storedRoster(tableName: string, villageId: string) {
  const table = createDynamoTable(dynalite.client, tableName);
  const out = await table.doc.send(new GetCommand({ TableName: tableName, Key: keys.householdRoster(villageId), ConsistentRead: true }));
  return out.Item ? decodeRoster(out.Item) : null;
}

const householdReads = () =>
  log
    .named('BatchGetItemCommand')
    .flatMap((c) => Object.values(c.input.RequestItems as Record<string, { Keys: { pk: string }[] }>).flatMap((r) => r.Keys))
    .filter((key) => key.pk.startsWith('HOUSEHOLD#')).length;

async function fresh(): Promise<{ stores: Stores; tableName: string }> {
  const tableName = await dynalite.newTable();
  return { stores: dynalite.stores(tableName), tableName };
}

const h = (householdId: string, villageId: string, incomePerCapita = 5000): Household => household({ householdId, villageId, incomePerCapita });

describe("a village's household roster", () => {
  it('lists what was written, so putting the same households again reads no household and writes nothing', async () => {
    const { stores, tableName } = await fresh();
    await stores.records.putHouseholds([h('A1', 'A'), h('A2', 'A'), h('B1', 'B')]);
    expect([...(await storedRoster(tableName, 'A'))!.hashes.keys()]).toEqual(['A1', 'A2']);
    log.clear();
    await stores.records.putHouseholds([h('A1', 'A'), h('A2', 'A'), h('B1', 'B')]);
    expect(householdReads()).toBe(0);
    expect(log.batchWrites()).toBe(0);
  });

  it('is deleted before a household it lists is rewritten, and put back after', async () => {
    const { stores, tableName } = await fresh();
    await stores.records.putHouseholds([h('A1', 'A'), h('A2', 'A')]);
    log.clear();
    await stores.records.putHouseholds([h('A1', 'A', 6000), h('A2', 'A')]);
    const writes = log.named('BatchWriteItemCommand').map((c) => Object.values(c.input.RequestItems as Record<string, { PutRequest?: { Item: { pk: string; sk: string } }; DeleteRequest?: { Key: { sk: string } } }[]>).flat());
    expect(writes.map((requests) => requests.map((r) => (r.DeleteRequest ? `delete ${r.DeleteRequest.Key.sk}` : `put ${r.PutRequest!.Item.sk}`)))).toEqual([['delete HOUSEHOLDS'], ['put HOUSEHOLD'], ['put HOUSEHOLDS']]);
    expect((await stores.records.getHousehold('A1'))?.incomePerCapita).toBe(6000);
    expect((await storedRoster(tableName, 'A'))!.hashes.size).toBe(2);
  });

  it('no longer lists a household that moved away, so moving it back with its old content writes it', async () => {
    const { stores } = await fresh();
    await stores.records.putHouseholds([h('M1', 'A'), h('A2', 'A')]);
    // Its new village's roster does not list it: its own item is read, and its old village's roster dropped.
    await stores.records.putHouseholds([h('M1', 'B')]);
    await stores.records.putHouseholds([h('M1', 'A')]);
    expect((await stores.records.getHousehold('M1'))?.villageId).toBe('A');
    expect((await stores.records.listHouseholds('B')).map((x) => x.householdId)).toEqual([]);
  });

  it('drops a household that moves between two villages put in the same call', async () => {
    const { stores } = await fresh();
    await stores.records.putHouseholds([h('M1', 'A'), h('B1', 'B')]);
    await stores.records.putHouseholds([h('B1', 'B'), h('M1', 'B')]);
    await stores.records.putHouseholds([h('M1', 'A'), h('B1', 'B')]);
    expect((await stores.records.getHousehold('M1'))?.villageId).toBe('A');
  });

  it('takes a removed household off before it is deleted, so putting it back writes it', async () => {
    const { stores, tableName } = await fresh();
    await stores.records.putHouseholds([h('R1', 'A'), h('R2', 'A')]);
    expect(await stores.records.removeHouseholds('A', ['R1'])).toEqual(['R1']);
    expect([...(await storedRoster(tableName, 'A'))!.hashes.keys()]).toEqual(['R2']);
    await stores.records.putHouseholds([h('R1', 'A')]);
    expect(await stores.records.getHousehold('R1')).not.toBeNull();
  });

  it('goes with its village', async () => {
    const { stores, tableName } = await fresh();
    await stores.records.putHouseholds([h('V1', 'A')]);
    await stores.records.deleteRecords('village', ['A']);
    expect(await storedRoster(tableName, 'A')).toBeNull();
  });

  it('is absent after a household write that failed, so the next put compares with the items', async () => {
    const { stores, tableName } = await fresh();
    await stores.records.putHouseholds([h('F1', 'A'), h('F2', 'A')]);
    failNextWrite(putsHousehold);
    await expect(stores.records.putHouseholds([h('F1', 'A', 7000)])).rejects.toThrow();
    expect(await storedRoster(tableName, 'A')).toBeNull();
    await stores.records.putHouseholds([h('F1', 'A', 7000)]);
    expect((await stores.records.getHousehold('F1'))?.incomePerCapita).toBe(7000);
  });

  it('never lists an old content after the roster write failed: reverting the household writes it', async () => {
    const { stores } = await fresh();
    await stores.records.putHouseholds([h('G1', 'A')]);
    failNextWrite(putsRoster);
    await expect(stores.records.putHouseholds([h('G1', 'A', 8000)])).rejects.toThrow();
    expect((await stores.records.getHousehold('G1'))?.incomePerCapita).toBe(8000);
    await stores.records.putHouseholds([h('G1', 'A')]);
    expect((await stores.records.getHousehold('G1'))?.incomePerCapita).toBe(5000);
  });

  it('is not kept for a village too large for one item, nor read from an item of another layout', () => {
    const big = new Map(Array.from({ length: 6000 }, (_, i) => [`HOUSEHOLD-${String(i).padStart(6, '0')}`, 'x'.repeat(44)]));
    expect(Buffer.byteLength(encodeRoster(big))).toBeGreaterThan(ROSTER_LIMIT_BYTES);
    expect(rosterWrite('A', { hashes: big, complete: true })).toEqual({ delete: keys.householdRoster('A') });
    expect(rosterWrite('A', { hashes: new Map(), complete: true })).toEqual({ delete: keys.householdRoster('A') });
    const small = rosterWrite('A', { hashes: new Map([['H2', 'y'], ['H1', 'x']]), complete: false });
    expect('put' in small && decodeRoster(small.put)).toEqual({ hashes: new Map([['H1', 'x'], ['H2', 'y']]), complete: false });
    const item = 'put' in small ? small.put : {};
    expect(decodeRoster({ ...item, layout: 2 })).toBeNull();
    expect(decodeRoster({ ...item, households: '[["H1"]]' })).toBeNull();
    expect(decodeRoster({ ...item, households: 'not json' })).toBeNull();
  });
});

describe("a complete roster, the village's listing", () => {
  const gsi1Queries = () => log.named('QueryCommand').filter((c) => c.input.IndexName === 'gsi1').length;
  const dropRoster = (tableName: string, villageId: string) =>
    createDynamoTable(dynalite.client, tableName).doc.send(new DeleteCommand({ TableName: tableName, Key: keys.householdRoster(villageId) }));

  it('is started by households put into a store that holds none, and lists the village without a Query', async () => {
    const { stores, tableName } = await fresh();
    await stores.records.putHouseholds([h('C1', 'A'), h('C2', 'A')], () => true);
    expect((await storedRoster(tableName, 'A'))?.complete).toBe(true);
    log.clear();
    expect(await stores.records.listHouseholdIds('A')).toEqual(['C1', 'C2']);
    expect(gsi1Queries()).toBe(0);
  });

  it('is not started where other households may be stored, until the listing shows exactly its ids', async () => {
    const { stores, tableName } = await fresh();
    await stores.records.putHouseholds([h('C1', 'A'), h('C2', 'A')]);
    expect((await storedRoster(tableName, 'A'))?.complete).toBe(false);
    log.clear();
    expect(await stores.records.listHouseholdIds('A')).toEqual(['C1', 'C2']);
    expect(gsi1Queries()).toBe(1);
    expect((await storedRoster(tableName, 'A'))?.complete).toBe(true);
    log.clear();
    expect(await stores.records.listHouseholdIds('A')).toEqual(['C1', 'C2']);
    expect(gsi1Queries()).toBe(0);
  });

  it('is never claimed over a household stored without the roster, which a snapshot then removes', async () => {
    const { stores, tableName } = await fresh();
    const dataset = (households: Household[]) => ({
      counties: [county({ countyId: 'C' })],
      townships: [],
      units: [],
      villages: [village({ villageId: 'A', countyId: 'C', townshipId: 'T' })],
      households,
      cardHistory: [],
      rejected: [],
    });
    await importDataset(stores, dataset([h('OLD', 'A'), h('A2', 'A')]));
    // A store written before rosters: the village's households stand without one.
    await dropRoster(tableName, 'A');
    await stores.records.putHouseholds([h('A2', 'A', 9000)]);
    expect((await storedRoster(tableName, 'A'))?.complete).toBe(false);
    expect(await stores.records.listHouseholdIds('A')).toEqual(['A2', 'OLD']);
    expect((await storedRoster(tableName, 'A'))?.complete).toBe(false);
    const result = await importDataset(stores, dataset([h('A2', 'A', 9000)]));
    expect(result.removed?.villages).toEqual([{ countyId: 'C', villageId: 'A', villageRemoved: false, householdIds: ['OLD'] }]);
    expect((await stores.records.listHouseholds('A')).map((x) => x.householdId)).toEqual(['A2']);
  });
});

describe('an import over a store that holds other villages', () => {
  const dataset = (households: Household[], villageIds: string[]) => ({
    counties: [county({ countyId: 'C' })],
    townships: [],
    units: [],
    villages: villageIds.map((villageId) => village({ villageId, countyId: 'C', townshipId: 'T' })),
    households,
    cardHistory: [],
    rejected: [],
  });

  it('compares the households of a new village, which may have moved from a stored one, and moves them back whole', async () => {
    const { stores } = await fresh();
    await importDataset(stores, dataset([h('X1', 'A'), h('A2', 'A')], ['A']));
    await importDataset(stores, dataset([h('X1', 'NEW'), h('A2', 'A')], ['A', 'NEW']));
    expect((await stores.records.getHousehold('X1'))?.villageId).toBe('NEW');
    await importDataset(stores, dataset([h('X1', 'A'), h('A2', 'A')], ['A']));
    expect((await stores.records.getHousehold('X1'))?.villageId).toBe('A');
    expect((await stores.records.listHouseholds('A')).map((x) => x.householdId)).toEqual(['A2', 'X1']);
  });
});
