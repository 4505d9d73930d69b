import { resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoStores } from '../adapters/dynamodb/dynamo-stores.js';
import { ensureTable } from '../adapters/dynamodb/table-definition.js';
import { assembleRoot, NEVER_STOPPED, type CompositionRoot, type OpenedStores, type RootConfig } from './composition-root.js';
import { createDynamoClient } from '../adapters/dynamodb/dynamo-stores.js';

async function openTable(client: DynamoDBClient, config: RootConfig, location: string, stopped: Promise<Error>, close: () => Promise<void>): Promise<OpenedStores> {
  const tableName = config.tableName ?? 'tuopin';
  try {
    if (config.createTable) await ensureTable(client, tableName);
  } catch (error) {
    await close();
    throw error;
  }
  return { stores: createDynamoStores({ client, tableName, allowSelfApproval: config.allowSelfApproval ?? false }), client, location, persistent: true, stopped, close };
}

/**
 * The root on a DynamoDB table: at `endpoint` (AWS's own when absent), or on the embedded store
 * started here with its data in `embeddedDir`. What the Lambda functions open (they never reach
 * the in-memory adapters); the CLI and `serve` open it through `openRoot`.
 */
export async function openDynamoRoot(config: RootConfig): Promise<CompositionRoot & { readonly client: DynamoDBClient }> {
  if (config.embeddedDir === undefined) {
    const client = createDynamoClient({ endpoint: config.endpoint, region: config.region });
    const tableName = config.tableName ?? 'tuopin';
    const location = config.endpoint === undefined ? `table ${tableName}` : `${config.endpoint} table ${tableName}`;
    return { ...assembleRoot(await openTable(client, config, location, NEVER_STOPPED, async () => client.destroy()), config), client };
  }
  const dir = resolve(config.embeddedDir);
  // Only the embedded store needs its server script: loaded here, never by a function.
  const { startEmbeddedDynamo } = await import('../adapters/dynamodb/embedded-store.js');
  const server = await startEmbeddedDynamo({ dir });
  const client = server.guard(createDynamoClient({ endpoint: server.endpoint }));
  const close = async () => {
    client.destroy();
    await server.close();
  };
  return { ...assembleRoot(await openTable(client, config, dir, server.stopped, close), config), client };
}
