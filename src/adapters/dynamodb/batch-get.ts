import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { backoffMs, isThrottling, type DynamoTable } from './dynamo-table.js';
import type { TableKey } from './keys.js';
import type { Item } from './mappers.js';
import { StoreReadError } from './store-errors.js';

/** BatchGetItem takes at most 100 keys. */
export const BATCH_GET_SIZE = 100;

/**
 * The items of these keys that exist (strongly consistent), in no particular order. Keys are
 * read 100 at a time; `UnprocessedKeys` and throttling errors are retried with backoff and full
 * jitter, and a key still unread after `retry.attempts` calls fails the read with a `StoreReadError`.
 */
export async function batchGet(table: DynamoTable, keys: readonly TableKey[], attributes?: readonly string[]): Promise<Item[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, { pk: k.pk, sk: k.sk }])).values()];
  const items: Item[] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_SIZE) items.push(...(await getBatch(table, unique.slice(i, i + BATCH_GET_SIZE), attributes)));
  return items;
}

/** Reads only `attributes` (through expression names, so reserved words are safe) when given. */
function projection(attributes: readonly string[] | undefined) {
  if (!attributes) return {};
  return {
    ProjectionExpression: attributes.map((_, index) => `#a${index}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(attributes.map((name, index) => [`#a${index}`, name])),
  };
}

async function getBatch(table: DynamoTable, batch: TableKey[], attributes?: readonly string[]): Promise<Item[]> {
  const policy = table.retry;
  const items: Item[] = [];
  let pending: TableKey[] = batch;
  for (let attempt = 1; ; attempt += 1) {
    let reason: unknown;
    try {
      const out = await table.doc.send(new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending, ConsistentRead: true, ...projection(attributes) } } }));
      items.push(...((out.Responses?.[table.tableName] ?? []) as Item[]));
      pending = (out.UnprocessedKeys?.[table.tableName]?.Keys ?? []) as TableKey[];
      if (pending.length === 0) return items;
    } catch (error) {
      if (!isThrottling(error)) throw new StoreReadError(`batch get from ${table.tableName} failed for ${pending.length} key(s)`, { cause: error });
      reason = error;
    }
    if (attempt >= policy.attempts) {
      throw new StoreReadError(`batch get from ${table.tableName} left ${pending.length} key(s) unread after ${attempt} call(s)`, { cause: reason });
    }
    await policy.sleep(backoffMs(policy, attempt));
  }
}
