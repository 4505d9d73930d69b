import type { CatalogueView } from '../../engine/check-rule-set.js';
import { loadStoredRuleSet } from '../../engine/load-rule-set.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { RuleSetsByStandard, RuleSetSource } from '../../ports/rule-set-source.js';
import { FACT_CATALOGUES } from '../../standards/fact-catalogues.js';
import { isStandardId, STANDARD_IDS } from '../../standards/standard-ids.js';
import { pinnedRuleSets, ruleSetsInForce } from './rule-sets-in-force.js';
import { lastDayOfQuarter } from '../../kernel/quarter.js';
import { type PublishedRuleSet, type RuleSetStore } from '../../ports/stores.js';

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
 * The rule sets published in the rule-set store, read on every call (put the caching source in
 * front where that is too often). Every version listed is checked again first
 * (`checkedStoredRuleSet`): which one is in force is decided on checked versions only, so a
 * malformed `effectiveFrom` cannot quietly hide or pick a version.
 */
export class StoreRuleSetSource implements RuleSetSource {
  constructor(private readonly store: RuleSetStore) {}

  async inForce(quarter: string): Promise<RuleSetsByStandard> {
    const versions = await Promise.all(STANDARD_IDS.map(async (id) => (await this.store.listVersions(id)).map((entry) => checkedStoredRuleSet(id, entry))));
    return ruleSetsInForce(versions.flat(), lastDayOfQuarter(quarter));
  }

  pinned(versions: Readonly<Record<string, number>>): Promise<RuleSetsByStandard> {
    return pinnedRuleSets(versions, async (id, version) => {
      const published = await this.store.getVersion(id, version);
      return published ? checkedStoredRuleSet(id, published, version) : null;
    });
  }
}
