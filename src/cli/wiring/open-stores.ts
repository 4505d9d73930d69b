import type { Stores } from '../../ports/stores.js';
import { UsageError } from '../options/command-line.js';
import type { ItemEvaluator } from '../../engine/evaluators.js';
import type { CompositionRoot } from '../../composition/composition-root.js';
import { openRoot } from '../../composition/open-root.js';

/** The options every store-backed command takes. */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  endpoint: { type: 'string' },
  table: { type: 'string', default: 'tuopin' },
  store: { type: 'string', default: 'dynamodb' },
} as const;

/** The rule-draft setting of the commands that approve or publish: one officer may approve their own draft. */
export const SELF_APPROVAL_OPTION = { 'allow-self-approval': { type: 'boolean' } } as const;

export interface OpenedStores {
  readonly stores: Stores;
  /** Where the data lives, for messages. */
  readonly location: string;
  readonly persistent: boolean;
  close(): Promise<void>;
}

/** The embedded store's folder, when the options name the embedded store (no --endpoint, not --store memory). */
export function embeddedFolder(values: { db?: string | undefined; endpoint?: string | undefined; store?: string | undefined }): string | null {
  return values.store === 'memory' || values.endpoint ? null : (values.db ?? DEFAULT_DB);
}

const DEFAULT_DB = '.tuopin/db';

/**
 * Opens the stores a command asked for, through the composition root: the embedded dynalite on
 * a loopback port by default (data in --db), any DynamoDB endpoint with --endpoint, or memory
 * with --store memory. `rules` and `evaluator` are the run commands' --rules and --evaluator.
 */
export async function openStores(
  values: { db?: string | undefined; endpoint?: string | undefined; table?: string | undefined; store?: string | undefined; 'allow-self-approval'?: boolean | undefined },
  run: { readonly rules?: string | undefined; readonly evaluator?: ItemEvaluator | undefined } = {},
): Promise<CompositionRoot> {
  const tableName = values.table ?? 'tuopin';
  // The deployment setting of a small county, for this command: the flag, or the variable the functions read too.
  const allowSelfApproval = values['allow-self-approval'] === true || process.env.ALLOW_SELF_APPROVAL === 'true';
  const rules = { rulesFolder: run.rules, evaluator: run.evaluator, allowSelfApproval };
  if (values.store === 'memory') {
    if (values.db || values.endpoint) throw new UsageError('usage.memoryStore');
    return openRoot({ store: 'memory', ...rules });
  }
  if (values.store !== undefined && values.store !== 'dynamodb') throw new UsageError('usage.store', { value: JSON.stringify(values.store) });
  if (values.db && values.endpoint) throw new UsageError('usage.dbOrEndpoint');
  const where = values.endpoint ? { endpoint: values.endpoint } : { embeddedDir: values.db ?? DEFAULT_DB };
  return openRoot({ store: 'dynamodb', ...where, tableName, createTable: true, ...rules });
}
