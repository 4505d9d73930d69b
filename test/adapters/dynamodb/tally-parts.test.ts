import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoRunStore } from '../../../src/adapters/dynamodb/dynamo-run-store.js';
import { createDynamoTable, type DynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { estimateItemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { queryAll } from '../../../src/adapters/dynamodb/query-all.js';
import { TALLY_PARTS_FROM, tallyToItems } from '../../../src/adapters/dynamodb/tally-chunks.js';
import type { VillageTally } from '../../../src/ports/run-store.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { tally } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';
import { contentHashPartItems, mapTallyItems, numberedChunkItems } from './old-tally-layouts.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

/** A tally with one household's summary changed. */
function withChange(base: VillageTally, index: number): VillageTally {
  const summaries = base.summaries.map((s, i) => (i === index ? { ...s, plannedExitYear: 2030 } : s));
  return { ...base, summaries };
}

const partHashes = (t: VillageTally) => tallyToItems(t).chunks.map((c) => String(c.hash));
const table = () => createDynamoTable(dynalite.client, dynalite.tableName);
const puts = () => log.named('BatchWriteItemCommand').flatMap((c) => Object.values(c.input.RequestItems as Record<string, { PutRequest?: { Item: Record<string, unknown> } }[]>).flat()).filter((r) => r.PutRequest).map((r) => r.PutRequest!.Item);
const deletes = () => log.batchWrites() - puts().length;
/** Big enough to be kept in parts. */
const BIG = 5_000;

describe('a tally in parts', () => {
  it('keeps a 300-household tally in one item, and cuts a big one into parts of many households, so one changed household changes one part', () => {
    const village = tallyToItems(tally({ households: 300 }));
    expect(village.chunks).toEqual([]);
    expect(estimateItemSize(village.header)).toBeLessThan(TALLY_PARTS_FROM);
    const base = tally({ households: BIG });
    const { header, chunks } = tallyToItems(base);
    expect(chunks.length).toBeGreaterThan(BIG / 60);
    expect(chunks.length).toBeLessThan(BIG / 10);
    for (const part of chunks) expect(estimateItemSize(part)).toBeLessThanOrEqual(1024);
    expect(estimateItemSize(header)).toBeLessThan(12 * 1024);
    const before = new Set(partHashes(base));
    const changed = partHashes(withChange(base, 1500)).filter((hash) => !before.has(hash));
    expect(changed).toHaveLength(1);
    const added = { ...base, summaries: [...base.summaries.slice(0, 1000), { ...base.summaries[0]!, householdId: 'V1-NEW' }, ...base.summaries.slice(1000)] };
    expect(partHashes(added).filter((hash) => !before.has(hash)).length).toBeLessThanOrEqual(3);
  });

  it('rewrites only the changed part, then the header, then deletes the part no header names', async () => {
    const runs = dynalite.stores().runs;
    const base = tally({ countyId: 'PARTS', households: BIG });
    await runs.putVillageTally(base);
    const next = withChange(base, 42);
    log.clear();
    await runs.putVillageTally(next);
    expect(puts().map((item) => item.kind)).toEqual(['tally-chunk', 'tally']);
    expect(deletes()).toBe(1);
    expect(await runs.listVillageTallies('2018Q3', 'PARTS')).toEqual([next]);
    const items = await queryAll(table(), keys.countyTallies('2018Q3', 'PARTS'), { consistent: true });
    expect(items).toHaveLength(1 + tallyToItems(next).chunks.length);
  });

  it("costs a county's Query a few read units for a 300-household tally, a sixth of the map it was stored as", async () => {
    const runs = dynalite.stores().runs;
    const base = tally({ countyId: 'RRU', households: 300 });
    await runs.putVillageTally(base);
    for (const Item of mapTallyItems({ ...base, countyId: 'MAP' })) await table().doc.send(new PutCommand({ TableName: dynalite.tableName, Item }));
    const units = async (countyId: string) =>
      (await table().doc.send(new QueryCommand({ TableName: dynalite.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.countyTallies('2018Q3', countyId).pk }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' })))
        .ConsumedCapacity!.CapacityUnits!;
    const [packed, map] = [await units('RRU'), await units('MAP')];
    expect(map).toBeGreaterThan(10);
    expect(packed).toBeLessThanOrEqual(3);
    expect(packed * 6).toBeLessThanOrEqual(map);
    const header = await table().doc.send(new GetCommand({ TableName: dynalite.tableName, Key: keys.tally('2018Q3', 'RRU', 'V1'), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    expect(header.ConsumedCapacity!.CapacityUnits).toBeLessThanOrEqual(3);
  });

  for (const [layout, itemsOf] of [
    ['a map', mapTallyItems],
    ['parts of maps keyed by content hash', contentHashPartItems],
    ['numbered chunks', numberedChunkItems],
  ] as const) {
    it(`reads a tally of an older layout (${layout}) and replaces it on the next write, same content or not, its items deleted`, async () => {
      const runs = dynalite.stores().runs;
      const countyId = `OLD-${layout.length}`;
      const old = tally({ countyId, households: 300 });
      for (const Item of itemsOf(old)) await table().doc.send(new PutCommand({ TableName: dynalite.tableName, Item }));
      expect(await runs.listVillageTallies('2018Q3', countyId)).toEqual([old]);
      await runs.putVillageTally(old);
      const items = await queryAll(table(), keys.countyTallies('2018Q3', countyId), { consistent: true });
      expect(items.map((item) => [item.kind, item.chunks, item.tally, item.summaries])).toEqual([['tally', 0, undefined, undefined]]);
      expect(JSON.stringify(await runs.listVillageTallies('2018Q3', countyId))).toBe(JSON.stringify([old]));
      const next = withChange(old, 7);
      await runs.putVillageTally(next);
      expect(await runs.listVillageTallies('2018Q3', countyId)).toEqual([next]);
    });
  }

  it('leaves the old tally or the new one, whole, when a rewrite is interrupted', async () => {
    /** A table whose BatchWriteItem fails once it sees the `kind` named (the header, or a delete). */
    const failing = (when: (input: Record<string, any>) => boolean): DynamoTable => {
      const real = table();
      const send = ((command: { input: Record<string, any>; constructor: { name: string } }) =>
        command.constructor.name === 'BatchWriteCommand' && when(command.input) ? Promise.reject(new Error('connection reset')) : real.doc.send(command as never)) as DynamoTable['doc']['send'];
      return { ...real, retry: { ...real.retry, attempts: 1, sleep: async () => {} }, doc: { ...real.doc, send } as DynamoTable['doc'] };
    };
    const requests = (input: Record<string, any>) => Object.values(input.RequestItems as Record<string, any[]>).flat();
    const runs = dynalite.stores().runs;
    const base = tally({ countyId: 'CUT', households: BIG });
    await runs.putVillageTally(base);
    const next = withChange(base, 200);

    const headerFails = new DynamoRunStore(failing((input) => requests(input).some((r) => r.PutRequest?.Item.kind === 'tally')));
    await expect(headerFails.putVillageTally(next)).rejects.toThrow();
    expect(await runs.listVillageTallies('2018Q3', 'CUT')).toEqual([base]);

    const deleteFails = new DynamoRunStore(failing((input) => requests(input).some((r) => r.DeleteRequest)));
    await expect(deleteFails.putVillageTally(next)).rejects.toThrow();
    expect(await runs.listVillageTallies('2018Q3', 'CUT')).toEqual([next]);
    // The old part the failed delete left is put again (harmless) by the next write, which deletes the new one.
    await runs.putVillageTally(base);
    expect(await runs.listVillageTallies('2018Q3', 'CUT')).toEqual([base]);
  });
});
