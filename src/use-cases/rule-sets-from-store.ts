import type { CatalogueView } from '../engine/check-rule-set.js';
import { loadStoredRuleSet } from '../engine/load-rule-set.js';
import type { RuleSet } from '../engine/rule-set-schema.js';
import type { PublishedRuleSet, RuleSetStore } from '../ports/stores.js';
import { FACT_CATALOGUES } from '../standards/fact-catalogues.js';
import { isStandardId, STANDARD_IDS, type StandardId } from '../standards/standard-ids.js';
import { ruleSetsInForce } from './rule-sets-in-force.js';

const catalogueOf = (id: string): CatalogueView | undefined => (isStandardId(id) ? FACT_CATALOGUES[id] : undefined);

/**
 * A published version as read from the store, checked again as the gate checked it: the store
 * may hold an item written behind the gate's back, and such an item must be refused once, by
 * id and version, not fail every village judged with it. `version`, when given, is the version
 * asked for (the item must hold it). Throws `StoredRuleSetInvalidError`.
 */
export function checkedStoredRuleSet(id: string, entry: PublishedRuleSet, version?: number): RuleSet {
  const document: unknown = entry.ruleSet;
  const claimed = typeof document === 'object' && document !== null ? (document as { version?: unknown }).version : undefined;
  const stored = version ?? (typeof claimed === 'number' ? claimed : Number.NaN);
  return loadStoredRuleSet(document, { id, version: stored }, catalogueOf);
}

/**
 * The versions in force on the as-of date among those published in the store. Every version
 * listed is checked again first (`checkedStoredRuleSet`): which one is in force is decided on
 * checked versions only, so a malformed `effectiveFrom` cannot quietly hide or pick a version.
 */
export async function ruleSetsFromStore(store: RuleSetStore, asOf: string): Promise<Record<StandardId, RuleSet>> {
  const versions = await Promise.all(STANDARD_IDS.map(async (id) => (await store.listVersions(id)).map((entry) => checkedStoredRuleSet(id, entry))));
  return ruleSetsInForce(versions.flat(), asOf);
}
