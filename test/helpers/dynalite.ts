import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { createDynamoClient, createDynamoStores } from '../../src/adapters/dynamodb/dynamo-stores.js';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../../src/adapters/dynamodb/embedded-store.js';
import { ensureTable } from '../../src/adapters/dynamodb/table-definition.js';
import type { Stores } from '../../src/ports/stores.js';

/** An in-memory dynalite for one test file, with a uniquely named table. */
export interface DynaliteFixture {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  /** The table created for the file. */
  readonly tableName: string;
  /** Creates another uniquely named table, for a test that needs an empty one. */
  newTable(): Promise<string>;
  /** Stores on the file's table, or on `tableName`; retries never wait. */
  stores(tableName?: string): Stores;
  /** Stores on a new, empty table. */
  freshStores(): Promise<Stores>;
}

const noWait = async () => {};

/**
 * Starts an in-memory dynalite on loopback before the file's tests and stops it after them.
 * Call at the top level of a test file; read the fields inside tests.
 */
export function useDynalite(): DynaliteFixture {
  let server: EmbeddedDynamo | undefined;
  let client: DynamoDBClient | undefined;
  let tableName: string | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('dynalite is not started: use the fixture inside tests');
    return value;
  };
  const newTable = async () => {
    const name = `tuopin-test-${randomUUID()}`;
    await ensureTable(ready(client), name, { pollMs: 5 });
    return name;
  };
  const stores = (name?: string) => createDynamoStores({ client: ready(client), tableName: name ?? ready(tableName), sleep: noWait });

  beforeAll(async () => {
    server = await startEmbeddedDynamo({});
    client = createDynamoClient({ endpoint: server.endpoint });
    tableName = await newTable();
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  return {
    get endpoint() {
      return ready(server).endpoint;
    },
    get client() {
      return ready(client);
    },
    get tableName() {
      return ready(tableName);
    },
    newTable,
    stores,
    freshStores: async () => stores(await newTable()),
  };
}
