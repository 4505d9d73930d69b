import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { retryPolicy, type RetryPolicy } from './retry-policy.js';

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
