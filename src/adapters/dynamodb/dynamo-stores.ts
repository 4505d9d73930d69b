import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Stores } from '../../ports/stores.js';
import { DynamoAccountabilityStore } from './dynamo-accountability-store.js';
import { DynamoRecordStore } from './dynamo-record-store.js';
import { DynamoRuleDraftStore } from './dynamo-rule-draft-store.js';
import { DynamoRuleSetStore } from './dynamo-rule-set-store.js';
import { DynamoRunStore } from './dynamo-run-store.js';
import { createDynamoTable, type RetryPolicy } from './dynamo-table.js';
import { DynamoVerdictStore } from './dynamo-verdict-store.js';
import { storedVerdictTexts } from './verdict-text-source.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True when the endpoint is a server on this machine (dynalite, DynamoDB Local). */
export function isLocalEndpoint(endpoint: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(endpoint).hostname);
}

/**
 * The DynamoDB client. A local endpoint gets fixed dummy credentials and region `local` (no
 * environment lookups, nothing real can be reached with them); otherwise the SDK's default
 * credential and region chain applies, with `region` and `endpoint` when given.
 */
export function createDynamoClient(options: { endpoint?: string; region?: string } = {}): DynamoDBClient {
  const { endpoint, region } = options;
  if (endpoint !== undefined && isLocalEndpoint(endpoint)) {
    return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  }
  return new DynamoDBClient({ ...(region !== undefined ? { region } : {}), ...(endpoint !== undefined ? { endpoint } : {}) });
}

export interface DynamoStoresOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** The wait between batch retries; injectable so tests do not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Overrides of the batch retry policy (attempts, base and cap of the backoff). */
  readonly retry?: Partial<Omit<RetryPolicy, 'sleep'>>;
  /** The deployment setting that lets one officer approve their own rule-set draft (default: refused). */
  readonly allowSelfApproval?: boolean;
}

/** Every store on one DynamoDB table (created beforehand with `ensureTable`). */
export function createDynamoStores(options: DynamoStoresOptions): Stores {
  const table = createDynamoTable(options.client, options.tableName, { ...options.retry, ...(options.sleep ? { sleep: options.sleep } : {}) });
  const ruleSets = new DynamoRuleSetStore(table);
  // One source for verdicts and tallies: each version's texts are read once per process.
  const texts = storedVerdictTexts(ruleSets);
  return {
    records: new DynamoRecordStore(table),
    verdicts: new DynamoVerdictStore(table, texts),
    runs: new DynamoRunStore(table, texts),
    accountability: new DynamoAccountabilityStore(table),
    ruleSets,
    drafts: new DynamoRuleDraftStore(table, options.allowSelfApproval ?? false),
  };
}
