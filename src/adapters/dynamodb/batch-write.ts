import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { backoffMs, isThrottling, type DynamoTable } from './dynamo-table.js';
import type { TableKey } from './keys.js';
import type { Item } from './mappers.js';
import { StoreWriteError } from './store-errors.js';

/** One write of a batch: put a whole item, or delete one by key. */
export type WriteRequest = { readonly put: Item } | { readonly delete: TableKey };

/** BatchWriteItem takes at most 25 requests. */
export const BATCH_WRITE_SIZE = 25;

type Request = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: TableKey } };

const keyOf = (r: WriteRequest): string => {
  const key = 'put' in r ? r.put : r.delete;
  return `${String(key.pk)}\u0000${String(key.sk)}`;
};

const toRequest = (r: WriteRequest): Request =>
  'put' in r ? { PutRequest: { Item: r.put } } : { DeleteRequest: { Key: { pk: r.delete.pk, sk: r.delete.sk } } };

/**
 * Applies the writes in BatchWriteItem calls of 25 (`concurrency` calls at a time). Unprocessed
 * items and throttling errors are retried with exponential backoff and full jitter; after
 * `retry.attempts` calls for one batch the whole write fails with a `StoreWriteError` counting
 * every write not applied. Two writes of the same key keep the last one (DynamoDB rejects a
 * batch holding a key twice), which is what upserts in order would leave.
 */
export async function batchWrite(table: DynamoTable, requests: readonly WriteRequest[], concurrency = 4): Promise<void> {
  const last = new Map<string, WriteRequest>();
  for (const request of requests) {
    const key = keyOf(request);
    last.delete(key);
    last.set(key, request);
  }
  const unique = [...last.values()];
  const batches: Request[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_WRITE_SIZE) batches.push(unique.slice(i, i + BATCH_WRITE_SIZE).map(toRequest));

  let next = 0;
  let unprocessed = 0;
  let firstError: unknown;
  const worker = async () => {
    // After a failure no new batch starts; the ones in flight finish, so the count is exact.
    while (firstError === undefined && next < batches.length) {
      const batch = batches[next]!;
      next += 1;
      const left = await writeBatch(table, batch);
      if (left.pending > 0) {
        unprocessed += left.pending;
        firstError ??= left.error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, batches.length)) }, worker));
  if (firstError !== undefined) {
    for (const batch of batches.slice(next)) unprocessed += batch.length;
    const why = firstError instanceof Error ? `${firstError.name}: ${firstError.message}` : String(firstError);
    throw new StoreWriteError(unprocessed, `batch write to ${table.tableName} failed (${why})`, { cause: firstError });
  }
}

/** One batch until done; returns what is left (and why) when retries are exhausted or an error is not retryable. */
async function writeBatch(table: DynamoTable, batch: Request[]): Promise<{ pending: number; error?: unknown }> {
  const policy = table.retry;
  let pending = batch;
  for (let attempt = 1; ; attempt += 1) {
    let reason: unknown;
    try {
      const out = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }));
      pending = (out.UnprocessedItems?.[table.tableName] ?? []) as Request[];
      if (pending.length === 0) return { pending: 0 };
      reason = new Error(`${pending.length} item(s) still unprocessed after ${attempt} call(s)`);
    } catch (error) {
      if (!isThrottling(error)) return { pending: pending.length, error };
      reason = error;
    }
    if (attempt >= policy.attempts) return { pending: pending.length, error: reason };
    await policy.sleep(backoffMs(policy, attempt));
  }
}
