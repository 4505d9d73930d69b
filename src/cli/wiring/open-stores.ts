import { resolve } from 'node:path';
import { createMemoryStores } from '../../adapters/memory/memory-stores.js';
import type { Stores } from '../../ports/stores.js';
import { UsageError } from '../options/command-line.js';

/** The options every store-backed command takes. */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  endpoint: { type: 'string' },
  table: { type: 'string', default: 'tuopin' },
  store: { type: 'string', default: 'dynamodb' },
} as const;

export const STORE_HELP = `  --db DIR          folder of the embedded DynamoDB-compatible store (default .tuopin/db)
  --endpoint URL    use this DynamoDB (or DynamoDB Local) endpoint instead of the embedded store
  --table NAME      table name (default tuopin)
  --store memory    keep everything in memory for this run only (the fast path)`;

export interface OpenedStores {
  readonly stores: Stores;
  /** Where the data lives, for messages. */
  readonly location: string;
  readonly persistent: boolean;
  close(): Promise<void>;
}

/**
 * Opens the stores a command asked for: the embedded dynalite on a loopback port by default
 * (data in --db), any DynamoDB endpoint with --endpoint, or memory with --store memory.
 */
export async function openStores(values: { db?: string | undefined; endpoint?: string | undefined; table?: string | undefined; store?: string | undefined }): Promise<OpenedStores> {
  const table = values.table ?? 'tuopin';
  if (values.store === 'memory') {
    if (values.db || values.endpoint) throw new UsageError('usage.memoryStore');
    return { stores: createMemoryStores(), location: 'memory', persistent: false, close: async () => {} };
  }
  if (values.store !== undefined && values.store !== 'dynamodb') throw new UsageError('usage.store', { value: JSON.stringify(values.store) });
  if (values.db && values.endpoint) throw new UsageError('usage.dbOrEndpoint');
  // The AWS SDK takes a few hundred milliseconds to load: only the commands that use DynamoDB pay it.
  const [{ createDynamoClient }, { createDynamoStores }, { startEmbeddedDynamo }, { ensureTable }] = await Promise.all([
    import('../../adapters/dynamodb/dynamo-stores.js'),
    import('../../adapters/dynamodb/dynamo-stores.js'),
    import('../../adapters/dynamodb/embedded-store.js'),
    import('../../adapters/dynamodb/table-definition.js'),
  ]);
  if (values.endpoint) {
    const client = createDynamoClient({ endpoint: values.endpoint });
    await ensureTable(client, table);
    return { stores: createDynamoStores({ client, tableName: table }), location: `${values.endpoint} table ${table}`, persistent: true, close: async () => client.destroy() };
  }
  const dir = resolve(values.db ?? '.tuopin/db');
  const server = await startEmbeddedDynamo({ dir });
  const client = server.guard(createDynamoClient({ endpoint: server.endpoint }));
  await ensureTable(client, table);
  return {
    stores: createDynamoStores({ client, tableName: table }),
    location: dir,
    persistent: true,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}
