import { fileURLToPath } from 'node:url';
import { FileRuleSetSource } from '../adapters/rule-sets/file-rule-set-source.js';
import { StoreRuleSetSource } from '../adapters/rule-sets/store-rule-set-source.js';
import type { RuleSetsByStandard } from '../ports/rule-set-source.js';
import { seedRuleSets } from '../use-cases/seed-rule-sets.js';
import type { OpenedStores } from './open-stores.js';

/** The repository's reviewed rule sets. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/**
 * Where a run's rule sets come from: an explicit --rules folder; the repository's files for a
 * memory run; otherwise the store's published versions (the store seeded with the repository's
 * reviewed files first when it has none), so a version published by policy staff is used with
 * no code change.
 */
export async function ruleSetsForRun(opened: OpenedStores, rulesFolder: string | undefined, quarter: string, now: Date): Promise<RuleSetsByStandard> {
  if (rulesFolder !== undefined || !opened.persistent) return new FileRuleSetSource(rulesFolder ?? DEFAULT_RULES_DIR).inForce(quarter);
  await seedRuleSets(opened.stores.ruleSets, await new FileRuleSetSource(DEFAULT_RULES_DIR).all(), now);
  return new StoreRuleSetSource(opened.stores.ruleSets).inForce(quarter);
}
