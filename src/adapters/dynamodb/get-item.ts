import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoTable } from './dynamo-table.js';
import type { TableKey } from './keys.js';
import type { Item } from './mappers.js';

/** One item by key, strongly consistent; null when absent. */
export async function getItem(table: DynamoTable, key: TableKey): Promise<Item | null> {
  const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }));
  return (out.Item as Item | undefined) ?? null;
}
