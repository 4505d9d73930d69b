import { CreateTableCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoClient, createDynamoStores, isLocalEndpoint } from '../../../src/adapters/dynamodb/dynamo-stores.js';
import { startEmbeddedDynamo } from '../../../src/adapters/dynamodb/embedded-store.js';
import { ensureTable } from '../../../src/adapters/dynamodb/table-definition.js';
import { StoreInUseError, StoreStoppedError, TableSetupError } from '../../../src/adapters/dynamodb/store-errors.js';
import { TABLE_KEYS } from '../../../src/adapters/dynamodb/table-keys.js';
import { county } from './builders.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Runs `body` against an embedded server, closing server and client after it. */
async function withServer<T>(dir: string | undefined, body: (client: ReturnType<typeof createDynamoClient>) => Promise<T>): Promise<T> {
  const server = await startEmbeddedDynamo(dir === undefined ? {} : { dir });
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    return await body(client);
  } finally {
    client.destroy();
    await server.close();
  }
}

describe('the embedded DynamoDB', () => {
  it('keeps its data in the directory across a close and a restart in the same process', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'tuopin-dynalite-'));
    dirs.push(parent);
    const dir = join(parent, 'not-yet-created', 'db');
    await withServer(dir, async (client) => {
      await ensureTable(client, 'tuopin', { pollMs: 5 });
      await createDynamoStores({ client, tableName: 'tuopin' }).records.putCounties([county({ countyId: 'KEPT' })]);
    });
    const found = await withServer(dir, async (client) => {
      await ensureTable(client, 'tuopin', { pollMs: 5 });
      return createDynamoStores({ client, tableName: 'tuopin' }).records.getCounty('KEPT');
    });
    expect(found).toEqual(county({ countyId: 'KEPT' }));
  });

  it('starts empty in memory on a loopback port', async () => {
    await withServer(undefined, async (client) => {
      const endpoint = await client.config.endpoint?.();
      expect(endpoint?.hostname).toBe('127.0.0.1');
      expect(await client.config.region()).toBe('local');
      await expect(client.send(new DescribeTableCommand({ TableName: 'tuopin' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    });
  });
});

describe('the embedded DynamoDB process', () => {
  it('holds its folder from the start: a second server on it fails with STORE_IN_USE naming the folder, before any request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tuopin-dynalite-'));
    dirs.push(dir);
    const first = await startEmbeddedDynamo({ dir });
    try {
      const second = startEmbeddedDynamo({ dir });
      await expect(second).rejects.toBeInstanceOf(StoreInUseError);
      await expect(second).rejects.toMatchObject({ code: 'STORE_IN_USE', message: expect.stringContaining(dir) });
    } finally {
      await first.close();
    }
    // Closed, the folder opens again.
    const again = await startEmbeddedDynamo({ dir });
    await again.close();
  });

  it('closes the LevelDB iterator of every query, so a long-running serve does not pin one per request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tuopin-dynalite-'));
    dirs.push(dir);
    const server = await startEmbeddedDynamo({ dir });
    const client = createDynamoClient({ endpoint: server.endpoint });
    try {
      await ensureTable(client, 'tuopin', { pollMs: 5 });
      const stores = createDynamoStores({ client, tableName: 'tuopin' });
      await stores.records.putCounties([county({ countyId: 'KEPT' })]);
      // A village's verdicts are read with Queries of its partition (a household's first read its record).
      for (let i = 0; i < 300; i += 1) await stores.verdicts.getSubjectVerdicts('village', `V-${i % 7}`);
      // A query's iterator closes just after its answer is sent: a few may still be closing.
      expect(await server.openResources()).toBeLessThan(10);
    } finally {
      client.destroy();
      await server.close();
    }
  });

  it('turns the refused connections of a server that died mid-run into STORE_STOPPED', async () => {
    const server = await startEmbeddedDynamo({});
    const client = server.guard(createDynamoClient({ endpoint: server.endpoint }));
    try {
      await client.send(new ListTablesCommand({}));
      process.kill(server.pid, 'SIGKILL');
      const failed = client.send(new ListTablesCommand({}));
      await expect(failed).rejects.toBeInstanceOf(StoreStoppedError);
      await expect(failed).rejects.toMatchObject({ code: 'STORE_STOPPED', message: expect.stringContaining('signal SIGKILL') });
    } finally {
      client.destroy();
      await server.close();
    }
  });
});

describe('ensureTable', () => {
  it('creates the table with the keys of TABLE_KEYS and does nothing more the second time', async () => {
    await withServer(undefined, async (client) => {
      await ensureTable(client, 'tuopin', { pollMs: 5 });
      await ensureTable(client, 'tuopin', { pollMs: 5 });
      const { Table } = await client.send(new DescribeTableCommand({ TableName: 'tuopin' }));
      expect(Table?.KeySchema?.map((k) => k.AttributeName)).toEqual([TABLE_KEYS.partitionKey.name, TABLE_KEYS.sortKey.name]);
      expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType, i.Projection?.NonKeyAttributes])).toEqual([
        ['gsi1', 'INCLUDE', ['kind', 'data', 'quarter', 'countyId', 'hash', 'chunks']],
      ]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    });
  });

  it('refuses a table of that name with other keys', async () => {
    await withServer(undefined, async (client) => {
      await client.send(
        new CreateTableCommand({
          TableName: 'other',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        }),
      );
      await expect(ensureTable(client, 'other', { pollMs: 5 })).rejects.toBeInstanceOf(TableSetupError);
    });
  });
});

describe('the DynamoDB client', () => {
  it('treats loopback endpoints as local and any other as AWS', () => {
    expect(isLocalEndpoint('http://127.0.0.1:8000')).toBe(true);
    expect(isLocalEndpoint('http://localhost:8000')).toBe(true);
    expect(isLocalEndpoint('https://dynamodb.cn-north-1.amazonaws.com.cn')).toBe(false);
  });
});
