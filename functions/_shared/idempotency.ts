import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import { TABLE_KEYS } from '../../src/adapters/dynamodb/table-keys.js';
import { IDEMPOTENCY_EXPIRY_ATTRIBUTE, idempotencyPartition } from './idempotency-attributes.js';

export interface IdempotencyOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Names the function's records (its partition and key prefix). */
  readonly keyPrefix: string;
  readonly expiresAfterSeconds: number;
  /** JMESPath over the parsed event selecting the key; a null selection skips idempotency. */
  readonly eventKeyJmesPath?: string;
  /** JMESPath of what must be equal on a replay (a reused key with another payload is refused). */
  readonly payloadValidationJmesPath?: string;
}

const OWNED = 'tuopin.idempotency.owned';
// Powertools' own per-request flag (`${IDEMPOTENCY_KEY}.skip` of @aws-lambda-powertools/commons).
const SKIP = 'powertools-for-aws.idempotency.skip';

/**
 * Works around aws-powertools/powertools-lambda-typescript#5675 (fixed upstream after 2.35):
 * the middleware's onError deleted the record even when this request never acquired it, so a
 * duplicate refused as in progress removed the lock of the request still running. Placed right
 * after makeHandlerIdempotent, this marks the request as owner only once the record is
 * acquired (its `before` runs only then), releases ownership before the result is saved, and
 * tells Powertools to skip its onError for a request that does not own the record.
 */
function deleteOnlyOwnRecord(): MiddlewareObj {
  const flags = (request: { internal: unknown }) => request.internal as Record<string, unknown>;
  return {
    before: (request) => {
      flags(request)[OWNED] = true;
    },
    after: (request) => {
      flags(request)[OWNED] = false;
    },
    onError: (request) => {
      if (flags(request)[OWNED] !== true) flags(request)[SKIP] = true;
    },
  };
}

/**
 * Powertools idempotency on the single table: records live under `IDEMPOTENCY#<prefix>` with
 * the hashed key as sort key and expire through the table's TTL attribute. Returns the
 * middlewares to `.use()` in this order, after the request parser (the parsed event is hashed).
 */
export function idempotency(options: IdempotencyOptions): MiddlewareObj[] {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    awsSdkV3Client: options.client,
    keyAttr: TABLE_KEYS.partitionKey.name,
    sortKeyAttr: TABLE_KEYS.sortKey.name,
    staticPkValue: idempotencyPartition(options.keyPrefix),
    expiryAttr: IDEMPOTENCY_EXPIRY_ATTRIBUTE,
  });
  const config = new IdempotencyConfig({
    expiresAfterSeconds: options.expiresAfterSeconds,
    ...(options.eventKeyJmesPath ? { eventKeyJmesPath: options.eventKeyJmesPath } : {}),
    ...(options.payloadValidationJmesPath ? { payloadValidationJmesPath: options.payloadValidationJmesPath } : {}),
  });
  return [makeHandlerIdempotent({ persistenceStore, config, keyPrefix: options.keyPrefix }) as MiddlewareObj, deleteOnlyOwnRecord()];
}
