import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../src/adapters/dynamodb/dynamo-client.js';
import { createDynamoStores } from '../../src/adapters/dynamodb/dynamo-stores.js';
import { CachingRuleSetSource } from '../../src/adapters/rule-sets/caching-rule-set-source.js';
import { StoreRuleSetSource } from '../../src/adapters/rule-sets/store-rule-set-source.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import type { ItemEvaluator } from '../../src/engine/item-evaluator.js';
import type { RuleSetSource } from '../../src/ports/rule-set-source.js';
import type { Stores } from '../../src/ports/stores.js';
import { scoringContexts, type ScoringContexts } from '../../src/use-cases/scoring-contexts.js';
import { config, type Config } from './config.js';
import { quarterOf } from './quarter-of.js';

/** What the handlers of one container share: made once, at the first handler import (the cold start). */
export interface Clients {
  readonly config: Config;
  readonly client: DynamoDBClient;
  readonly stores: Stores;
  /** The store's published versions, read at every call: what a new run pins. */
  readonly latestRuleSets: RuleSetSource;
  /** Scoring contexts of the cached store source (versions in force kept 60 s, pinned versions for good). */
  readonly contexts: ScoringContexts;
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
  const latestRuleSets = new StoreRuleSetSource(stores.ruleSets);
  const cachedRuleSets = new CachingRuleSetSource(latestRuleSets, { maxAgeMs: 60_000, now: Date.now });
  cached = {
    config: settings,
    client,
    stores,
    latestRuleSets,
    contexts: scoringContexts(cachedRuleSets, (EVALUATORS as Readonly<Record<string, ItemEvaluator>>)[settings.EVALUATOR]!),
    currentQuarter: () => quarterOf(new Date(), settings.RUN_TIME_ZONE),
  };
  return cached;
}
