import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CachingRuleSetSource } from '../adapters/rule-sets/caching-rule-set-source.js';
import { readReviewedCases } from '../adapters/file/rule-set-files.js';
import { FileRuleSetSource } from '../adapters/rule-sets/file-rule-set-source.js';
import { StoreRuleSetSource } from '../adapters/rule-sets/store-rule-set-source.js';
import { EVALUATORS } from '../engine/evaluators.js';
import type { RuleSetSource } from '../ports/rule-set-source.js';
import type { Stores } from '../ports/stores.js';
import { scoringContexts, type ScoringContexts } from '../use-cases/scoring-contexts.js';
import { seedRuleSets } from '../use-cases/seed-rule-sets.js';
import { type ItemEvaluator } from '../engine/evaluators.js';

/** The repository's reviewed rule sets: what a memory run judges with and what seeds an empty store. */
export const REVIEWED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/** Everything an entry point decides about where data and rules live; passed in, never read from the environment here. */
export interface RootConfig {
  /** `memory`: everything in memory for one process; `dynamodb`: a DynamoDB table. */
  readonly store: 'memory' | 'dynamodb';
  /** A DynamoDB endpoint (DynamoDB Local, dynalite); AWS's own when absent. */
  readonly endpoint?: string | undefined;
  /** Start the embedded store (dynalite in a child process) with its data in this folder; excludes `endpoint`. */
  readonly embeddedDir?: string | undefined;
  /** The single table (default `tuopin`). */
  readonly tableName?: string | undefined;
  readonly region?: string | undefined;
  /** Create the table when it is missing (the CLI and `serve`; the deployed stack owns its table). */
  readonly createTable?: boolean | undefined;
  /** Judge with the rule sets of this folder instead of the store's published versions. */
  readonly rulesFolder?: string | undefined;
  readonly evaluator?: ItemEvaluator | undefined;
  /** How long the versions in force are kept (the functions: 60 s; a CLI run: for good). */
  readonly ruleSetsMaxAgeMs?: number | undefined;
  /** The wall clock (tests give their own). */
  readonly clock?: (() => Date) | undefined;
  /** A deployment setting: one officer may approve their own rule-set draft (recorded as self-approved). */
  readonly allowSelfApproval?: boolean | undefined;
}

/** What every entry point works with: the stores, the rule-set sources, the scoring contexts and the clock. */
export interface CompositionRoot {
  readonly stores: Stores;
  /** The DynamoDB client of the stores (idempotency records share the table); null in memory. */
  readonly client: DynamoDBClient | null;
  /** The rule sets to judge with, behind the cache. */
  readonly ruleSets: RuleSetSource;
  /** The same source without the cache: what a new run pins must be the latest published. */
  readonly latestRuleSets: RuleSetSource;
  readonly contexts: ScoringContexts;
  readonly clock: () => Date;
  /** Where the data lives, for messages. */
  readonly location: string;
  readonly persistent: boolean;
  /** Ends when the embedded store's process dies (never otherwise). */
  readonly stopped: Promise<Error>;
  /**
   * Publishes the reviewed rule sets into a store that has none of a standard (`seedRuleSets`);
   * returns how many. Nothing to do when rule sets are read from files.
   */
  seedRuleSets(now?: Date): Promise<number>;
  close(): Promise<void>;
}

/** What opening a store family gives: the stores, their client, where they are and how to close them. */
export interface OpenedStores {
  readonly stores: Stores;
  readonly client: DynamoDBClient | null;
  readonly location: string;
  readonly persistent: boolean;
  readonly stopped: Promise<Error>;
  close(): Promise<void>;
}

/** A promise that never settles: the `stopped` of stores that cannot stop under their user. */
export const NEVER_STOPPED = new Promise<Error>(() => {});

/**
 * Puts the rule-set sources, the scoring contexts and the clock on opened stores. Rule sets come
 * from `rulesFolder` when given, from the repository's files for a memory store, and otherwise
 * from the store's published versions (seeded by `seedRuleSets`, an explicit step of the caller).
 */
export function assembleRoot(opened: OpenedStores, config: RootConfig): CompositionRoot {
  const clock = config.clock ?? (() => new Date());
  const fromFiles = config.rulesFolder !== undefined || !opened.persistent;
  const latestRuleSets: RuleSetSource = fromFiles ? new FileRuleSetSource(config.rulesFolder ?? REVIEWED_RULES_DIR) : new StoreRuleSetSource(opened.stores.ruleSets);
  const ruleSets = new CachingRuleSetSource(latestRuleSets, { maxAgeMs: config.ruleSetsMaxAgeMs ?? Number.POSITIVE_INFINITY, now: () => clock().getTime() });
  return {
    stores: opened.stores,
    client: opened.client,
    location: opened.location,
    persistent: opened.persistent,
    stopped: opened.stopped,
    close: () => opened.close(),
    latestRuleSets,
    ruleSets,
    contexts: scoringContexts(ruleSets, config.evaluator ?? EVALUATORS.compiled),
    clock,
    seedRuleSets: async (now = clock()) =>
      fromFiles ? 0 : seedRuleSets(opened.stores.ruleSets, await new FileRuleSetSource(REVIEWED_RULES_DIR).all(), now, (id, version) => readReviewedCases(REVIEWED_RULES_DIR, id, version)),
  };
}
