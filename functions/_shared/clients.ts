import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient, createDynamoStores } from '../../src/adapters/dynamodb/dynamo-stores.js';
import { EVALUATORS, type ItemEvaluator } from '../../src/engine/evaluators.js';
import type { Stores } from '../../src/ports/stores.js';
import { config, type Config } from './config.js';
import { quarterOf } from '../../src/kernel/quarter.js';
import { RuleSetCache } from './rule-sets.js';

/** What the handlers of one container share: made once, at the first handler import (the cold start). */
export interface Clients {
  readonly config: Config;
  readonly client: DynamoDBClient;
  readonly stores: Stores;
  readonly ruleSets: RuleSetCache;
  /** The quarter of now, on the schedule's wall clock. */
  currentQuarter(): string;
}

let cached: Clients | undefined;

/** The container's clients; the first call validates the configuration. */
export function clients(): Clients {
  if (cached) return cached;
  const settings = config();
  const client = createDynamoClient(settings.DYNAMODB_ENDPOINT ? { endpoint: settings.DYNAMODB_ENDPOINT } : {});
  const stores = createDynamoStores({ client, tableName: settings.TABLE_NAME });
  cached = {
    config: settings,
    client,
    stores,
    ruleSets: new RuleSetCache(stores.ruleSets, { evaluator: (EVALUATORS as Readonly<Record<string, ItemEvaluator>>)[settings.EVALUATOR]! }),
    currentQuarter: () => quarterOf(new Date(), settings.RUN_TIME_ZONE),
  };
  return cached;
}
