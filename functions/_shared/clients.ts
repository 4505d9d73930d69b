import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EVALUATORS, type ItemEvaluator } from '../../src/engine/evaluators.js';
import type { CompositionRoot } from '../../src/composition/composition-root.js';
import { openDynamoRoot } from '../../src/composition/open-dynamo-root.js';
import type { RuleSetSource } from '../../src/ports/rule-set-source.js';
import type { Stores } from '../../src/ports/stores.js';
import type { ScoringContexts } from '../../src/use-cases/scoring-contexts.js';
import { config, ConfigInvalidError, type Config } from './config.js';
import { createS3Client, s3ObjectStore } from '../../src/adapters/s3/s3-object-store.js';
import type { ObjectStore } from '../../src/ports/object-store.js';
import { quarterOf } from '../../src/kernel/quarter.js';
import { LAMBDA_TELEMETRY, type TelemetrySettings } from './telemetry.js';

/** What a handler is built with: the Lambda entry files build it from the environment, `tuopin serve` from its options. */
export interface Clients {
  readonly config: Config;
  /** The stores' client; the idempotency records share their table. */
  readonly client: DynamoDBClient;
  readonly stores: Stores;
  /** The store's published versions, read at every call: what a new run pins. */
  readonly latestRuleSets: RuleSetSource;
  /** Scoring contexts of the cached store source (versions in force kept 60 s, pinned versions for good). */
  readonly contexts: ScoringContexts;
  readonly clock: () => Date;
  /** The nightly run's objects in NIGHTLY_BUCKET; a function without the variable fails here, naming it. */
  nightlyObjects(): ObjectStore;
  readonly telemetry: TelemetrySettings;
  /** The quarter of now, on the schedule's wall clock. */
  currentQuarter(): string;
}

/** The handlers' view of a composition root on DynamoDB. */
export function clientsOf(root: CompositionRoot & { readonly client: DynamoDBClient }, settings: Config, telemetry: TelemetrySettings): Clients {
  let objects: ObjectStore | undefined;
  return {
    config: settings,
    client: root.client,
    stores: root.stores,
    latestRuleSets: root.latestRuleSets,
    contexts: root.contexts,
    clock: root.clock,
    nightlyObjects: () => {
      if (settings.NIGHTLY_BUCKET === undefined) throw new ConfigInvalidError(['NIGHTLY_BUCKET is required']);
      objects ??= s3ObjectStore(createS3Client({ bucket: settings.NIGHTLY_BUCKET, endpoint: settings.S3_ENDPOINT }), settings.NIGHTLY_BUCKET);
      return objects;
    },
    telemetry,
    currentQuarter: () => quarterOf(root.clock(), settings.RUN_TIME_ZONE),
  };
}

/** The functions' root configuration, from their validated environment. */
export function rootConfigOf(settings: Config) {
  return {
    store: 'dynamodb',
    endpoint: settings.DYNAMODB_ENDPOINT,
    tableName: settings.TABLE_NAME,
    evaluator: (EVALUATORS as Readonly<Record<string, ItemEvaluator>>)[settings.EVALUATOR]!,
    ruleSetsMaxAgeMs: 60_000,
    allowSelfApproval: settings.ALLOW_SELF_APPROVAL,
  } as const;
}

let cached: Promise<Clients> | undefined;

/** The container's clients: the environment is read and validated once, at the first call (the cold start). */
export function environmentClients(): Promise<Clients> {
  cached ??= (async () => {
    const settings = config();
    return clientsOf(await openDynamoRoot(rootConfigOf(settings)), settings, LAMBDA_TELEMETRY);
  })();
  return cached;
}

/**
 * A Lambda entry file's `handler`: `makeHandler` built with the environment's clients at the
 * first invocation, so importing the module reads no environment (`serve` imports it and builds
 * its own with `makeHandler`).
 */
export function fromEnvironment<E, C, R>(makeHandler: (clients: Clients) => (event: E, context: C) => Promise<R>): (event: E, context: C) => Promise<R> {
  let built: Promise<(event: E, context: C) => Promise<R>> | undefined;
  return async (event, context) => (await (built ??= environmentClients().then(makeHandler)))(event, context);
}
