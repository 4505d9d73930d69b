import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoRunStore } from '../../../src/adapters/dynamodb/dynamo-run-store.js';
import { createDynamoTable, type DynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { estimateItemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { queryAll } from '../../../src/adapters/dynamodb/query-all.js';
import { tallyToItems } from '../../../src/adapters/dynamodb/tally-chunks.js';
import type { VillageTally } from '../../../src/ports/run-store.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { tally } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

/** A 300-household tally with one household's summary changed. */
function withChange(base: VillageTally, index: number): VillageTally {
  const summaries = base.summaries.map((s, i) => (i === index ? { ...s, plannedExitYear: 2030 } : s));
  return { ...base, summaries };
}

const partHashes = (t: VillageTally) => tallyToItems(t).chunks.map((c) => String(c.hash));
const table = () => createDynamoTable(dynalite.client, dynalite.tableName);
const puts = () => log.named('BatchWriteItemCommand').flatMap((c) => Object.values(c.input.RequestItems as Record<string, { PutRequest?: { Item: Record<string, unknown> } }[]>).flat()).filter((r) => r.PutRequest).map((r) => r.PutRequest!.Item);
const deletes = () => log.batchWrites() - puts().length;

describe('a tally in parts', () => {
  it('cuts a 300-household tally into parts of a few households, so one changed household changes one part', () => {
    const base = tally({ households: 300 });
    const { header, chunks } = tallyToItems(base);
    expect(chunks.length).toBeGreaterThan(30);
    for (const part of chunks) expect(estimateItemSize(part)).toBeLessThan(3 * 1024);
    expect(estimateItemSize(header)).toBeLessThan(4 * 1024);
    const before = new Set(partHashes(base));
    const changed = partHashes(withChange(base, 150)).filter((hash) => !before.has(hash));
    expect(changed).toHaveLength(1);
    const added = { ...base, summaries: [...base.summaries.slice(0, 100), { ...base.summaries[0]!, householdId: 'V1-NEW' }, ...base.summaries.slice(100)] };
    expect(partHashes(added).filter((hash) => !before.has(hash)).length).toBeLessThanOrEqual(2);
  });

  it('rewrites only the changed part, then the header, then deletes the part no header names', async () => {
    const runs = dynalite.stores().runs;
    const base = tally({ countyId: 'PARTS', households: 300 });
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

  it("costs a county's Query about the read units of one whole item (the parts' own keys add a little), and the header's GetItem one", async () => {
    const runs = dynalite.stores().runs;
    const base = tally({ countyId: 'RRU', households: 300 });
    await runs.putVillageTally(base);
    const whole = { ...tallyToItems(base).header, ...keys.tally('2018Q3', 'WHOLE', 'V1'), chunks: 0, tally: base };
    await table().doc.send(new PutCommand({ TableName: dynalite.tableName, Item: whole }));
    const units = async (countyId: string) =>
      (await table().doc.send(new QueryCommand({ TableName: dynalite.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.countyTallies('2018Q3', countyId).pk }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' })))
        .ConsumedCapacity!.CapacityUnits!;
    const [parts, one] = [await units('RRU'), await units('WHOLE')];
    // Billed on bytes read, not on items: ~75 parts cost their keys (~130 B each), not 75 units.
    expect(one).toBeGreaterThan(10);
    expect(parts).toBeLessThanOrEqual(Math.ceil(one * 1.3));
    const header = await table().doc.send(new GetCommand({ TableName: dynalite.tableName, Key: keys.tally('2018Q3', 'RRU', 'V1'), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
    expect(header.ConsumedCapacity!.CapacityUnits).toBe(1);
  });

  it('reads a tally of the older layout (numbered chunks) and replaces it, its chunks deleted', async () => {
    const runs = dynalite.stores().runs;
    const old = tally({ countyId: 'OLDLAYOUT', households: 300 });
    const { summaries, ...figures } = old;
    const header = { ...tallyToItems(old).header, chunks: 2, hash: 'oldhash', tally: figures };
    const halves = [summaries.slice(0, 150), summaries.slice(150)];
    const chunkItems = halves.map((slice, index) => ({ ...keys.tallyChunk('2018Q3', 'OLDLAYOUT', 'V1', 'oldhash', index), kind: 'tally-chunk', villageId: 'V1', hash: 'oldhash', index, summaries: slice }));
    for (const Item of [...chunkItems, header]) await table().doc.send(new PutCommand({ TableName: dynalite.tableName, Item }));
    expect(await runs.listVillageTallies('2018Q3', 'OLDLAYOUT')).toEqual([old]);
    const next = withChange(old, 7);
    await runs.putVillageTally(next);
    expect(await runs.listVillageTallies('2018Q3', 'OLDLAYOUT')).toEqual([next]);
    const items = await queryAll(table(), keys.countyTallies('2018Q3', 'OLDLAYOUT'), { consistent: true });
    expect(items.filter((item) => item.index !== undefined)).toEqual([]);
  });

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
    const base = tally({ countyId: 'CUT', households: 300 });
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
