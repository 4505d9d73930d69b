import type { CompositionRoot } from '../composition/composition-root.js';
import { openRoot } from '../composition/open-root.js';
import type { ItemEvaluator } from '../engine/item-evaluator.js';
import type { Stores } from '../ports/stores.js';
import { UsageError } from './usage-error.js';

/** The options every store-backed command takes. */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  endpoint: { type: 'string' },
  table: { type: 'string', default: 'tuopin' },
  store: { type: 'string', default: 'dynamodb' },
} as const;

export const STORE_HELP = `  --db DIR          folder of the embedded DynamoDB-compatible store (default .tuopin/db)
  --endpoint URL    use this DynamoDB (or DynamoDB Local) endpoint instead of the embedded store
  --table NAME      table name (default tuopin)
  --store memory    keep everything in memory for this run only (the fast path)`;

export interface OpenedStores {
  readonly stores: Stores;
  /** Where the data lives, for messages. */
  readonly location: string;
  readonly persistent: boolean;
  close(): Promise<void>;
}

/**
 * Opens the stores a command asked for, through the composition root: the embedded dynalite on
 * a loopback port by default (data in --db), any DynamoDB endpoint with --endpoint, or memory
 * with --store memory. `rules` and `evaluator` are the run commands' --rules and --evaluator.
 */
export async function openStores(
  values: { db?: string | undefined; endpoint?: string | undefined; table?: string | undefined; store?: string | undefined },
  run: { readonly rules?: string | undefined; readonly evaluator?: ItemEvaluator | undefined } = {},
): Promise<CompositionRoot> {
  const tableName = values.table ?? 'tuopin';
  const rules = { rulesFolder: run.rules, evaluator: run.evaluator };
  if (values.store === 'memory') {
    if (values.db || values.endpoint) throw new UsageError('--store memory takes neither --db nor --endpoint');
    return openRoot({ store: 'memory', ...rules });
  }
  if (values.store !== undefined && values.store !== 'dynamodb') throw new UsageError(`--store must be dynamodb or memory, got ${JSON.stringify(values.store)}`);
  if (values.db && values.endpoint) throw new UsageError('give --db or --endpoint, not both');
  const where = values.endpoint ? { endpoint: values.endpoint } : { embeddedDir: values.db ?? '.tuopin/db' };
  return openRoot({ store: 'dynamodb', ...where, tableName, createTable: true, ...rules });
}
