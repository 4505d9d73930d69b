import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableKey } from './keys.js';
import type { Item } from './mappers.js';

/** The single table as the stores use it: a DocumentClient, the table name and the retry policy. */
export interface DynamoTable {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly retry: RetryPolicy;
}

/**
 * Wraps a client for the stores. Numbers go out as `String(n)` and come back as `Number(text)`,
 * which gives back the identical double for every finite number DynamoDB can hold (its decimal
 * text keeps up to 38 digits; a double needs at most 17): no BigInt or precision guard in between.
 */
export function createDynamoTable(client: DynamoDBClient, tableName: string, retry: Partial<RetryPolicy> = {}): DynamoTable {
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false, allowImpreciseNumbers: true },
    unmarshallOptions: { wrapNumbers: (text: string) => Number(text) },
  });
  return { doc, tableName, retry: retryPolicy(retry) };
}

/** One item by key, strongly consistent, or only some of its top-level attributes; null when absent. */
export async function getItem(table: DynamoTable, key: TableKey, attributes?: readonly string[]): Promise<Item | null> {
  const projection = attributes
    ? { ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '), ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])) }
    : {};
  const out = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true, ...projection }));
  return (out.Item as Item | undefined) ?? null;
}

/** How batch operations retry throttling and unprocessed items: exponential backoff with full jitter. */
export interface RetryPolicy {
  /** Calls in all (the first one included) before giving up. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
  /** Injectable so tests do not wait. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Injectable for deterministic jitter in tests; `Math.random` by default. */
  readonly random: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The default policy (8 calls, 50 ms base, 5 s cap) with some fields replaced. */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { attempts: 8, baseMs: 50, capMs: 5_000, sleep: realSleep, random: Math.random, ...overrides };
}

/**
 * The wait before retry number `retry` (1 for the first retry): a uniform draw in
 * [0, min(cap, base × 2^retry)) — "full jitter", which spreads competing writers apart.
 */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  return policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** retry);
}

const THROTTLING_ERRORS = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** True for DynamoDB's "slow down" errors, which are retried with backoff; every other error is not. */
export function isThrottling(error: unknown): boolean {
  return error instanceof Error && THROTTLING_ERRORS.has(error.name);
}
