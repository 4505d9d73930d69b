import { fileURLToPath } from 'node:url';
import { readRuleSetFolder } from '../../adapters/file/rule-set-files.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { StandardId } from '../../standards/standard-ids.js';
import { ensureRuleSetsPublished } from '../../use-cases/ensure-rule-sets-published.js';
import { ruleSetsFromStore } from '../../use-cases/rule-sets-from-store.js';
import { ruleSetsInForce } from '../../use-cases/rule-sets-in-force.js';
import type { OpenedStores } from './open-stores.js';

/** The repository's reviewed rule sets. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../../rules', import.meta.url));

/** The versions in force on the as-of date, from a rules folder (checked before use). */
export async function loadRuleSetsInForce(folder: string | undefined, asOf: string): Promise<Record<StandardId, RuleSet>> {
  return ruleSetsInForce(await readRuleSetFolder(folder ?? DEFAULT_RULES_DIR), asOf);
}

/**
 * Where a run's rule sets come from: an explicit --rules folder; the repository's files for a
 * memory run; otherwise the store's published versions (publishing the repository's reviewed
 * files first when the store has none), so a version published by policy staff is used with
 * no code change.
 */
export async function ruleSetsForRun(opened: OpenedStores, rulesFolder: string | undefined, asOf: string, now: Date): Promise<Record<StandardId, RuleSet>> {
  if (rulesFolder !== undefined || !opened.persistent) return loadRuleSetsInForce(rulesFolder, asOf);
  await ensureRuleSetsPublished(opened.stores.ruleSets, await readRuleSetFolder(DEFAULT_RULES_DIR), now);
  return ruleSetsFromStore(opened.stores.ruleSets, asOf);
}
