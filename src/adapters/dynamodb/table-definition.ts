import {
  CreateTableCommand,
  DescribeTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { TableSetupError } from './store-errors.js';
import { TABLE_KEYS } from './table-keys.js';

/** The CreateTable request of the table (on-demand capacity). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const attributes = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...TABLE_KEYS.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE_KEYS.globalSecondaryIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: i.projection, NonKeyAttributes: [...i.nonKeyAttributes] },
    })),
  };
}

export interface EnsureTableOptions {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly pollMs?: number;
  readonly timeoutMs?: number;
}

const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

async function describeTable(client: DynamoDBClient, tableName: string): Promise<TableDescription | null> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table ?? null;
  } catch (error) {
    if (isNamed(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}

function checkKeys(tableName: string, table: TableDescription): void {
  const keyText = (schema: TableDescription['KeySchema']) => (schema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  const expected = createTableInput(tableName);
  if (keyText(table.KeySchema) !== keyText(expected.KeySchema)) throw new TableSetupError(tableName, `has keys ${keyText(table.KeySchema)}, expected pk and sk`);
  for (const index of expected.GlobalSecondaryIndexes ?? []) {
    const found = table.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.IndexName);
    if (!found || keyText(found.KeySchema) !== keyText(index.KeySchema)) throw new TableSetupError(tableName, `lacks the index ${index.IndexName} on ${keyText(index.KeySchema)}`);
  }
}

/**
 * Creates the table if it does not exist and waits until it and its indexes are ACTIVE.
 * Idempotent (a concurrent creator is fine); a table with other keys is a `TableSetupError`.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, options: EnsureTableOptions = {}): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollMs = options.pollMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 300_000;
  if ((await describeTable(client, tableName)) === null) {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (error) {
      if (!isNamed(error, 'ResourceInUseException')) throw error;
    }
  }
  for (let waited = 0; ; waited += pollMs) {
    const table = await describeTable(client, tableName);
    const active = table?.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (table && active) return checkKeys(tableName, table);
    if (waited >= timeoutMs) throw new TableSetupError(tableName, `not ACTIVE after ${timeoutMs} ms`);
    await sleep(pollMs);
  }
}
