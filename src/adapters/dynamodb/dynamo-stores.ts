import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Stores } from '../../ports/stores.js';
import { DynamoAccountabilityStore } from './dynamo-accountability-store.js';
import { DynamoRecordStore } from './dynamo-record-store.js';
import { DynamoRuleSetStore } from './dynamo-rule-set-store.js';
import { DynamoRunStore } from './dynamo-run-store.js';
import { createDynamoTable } from './dynamo-table.js';
import { DynamoVerdictStore } from './dynamo-verdict-store.js';
import type { RetryPolicy } from './retry-policy.js';

export interface DynamoStoresOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** The wait between batch retries; injectable so tests do not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Overrides of the batch retry policy (attempts, base and cap of the backoff). */
  readonly retry?: Partial<Omit<RetryPolicy, 'sleep'>>;
}

/** Every store on one DynamoDB table (created beforehand with `ensureTable`). */
export function createDynamoStores(options: DynamoStoresOptions): Stores {
  const table = createDynamoTable(options.client, options.tableName, { ...options.retry, ...(options.sleep ? { sleep: options.sleep } : {}) });
  return {
    records: new DynamoRecordStore(table),
    verdicts: new DynamoVerdictStore(table),
    runs: new DynamoRunStore(table),
    accountability: new DynamoAccountabilityStore(table),
    ruleSets: new DynamoRuleSetStore(table),
  };
}
