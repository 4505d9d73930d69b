import { prepareRuleSet } from '../../engine/prepare-rule-set.js';
import { verdictTexts, type VerdictTexts } from '../../engine/verdict-texts.js';
import type { RuleSetStore } from '../../ports/stores.js';
import { checkedStoredRuleSet } from '../rule-sets/store-rule-set-source.js';

/** The texts of a published rule-set version for a year, or null when the store does not hold that version. */
export type VerdictTextSource = (ruleSetId: string, version: number, year: number) => Promise<VerdictTexts | null>;

/**
 * Verdict texts read from the published versions, each version and year read and prepared once
 * per process (published versions never change). A version not found is asked again next time:
 * it may be published meanwhile.
 */
export function storedVerdictTexts(ruleSets: RuleSetStore): VerdictTextSource {
  const cache = new Map<string, Promise<VerdictTexts | null>>();
  return (ruleSetId, version, year) => {
    const key = `${ruleSetId}\u0000${version}\u0000${year}`;
    let found = cache.get(key);
    if (!found) {
      found = ruleSets.getVersion(ruleSetId, version).then((entry) => (entry ? verdictTexts(prepareRuleSet(checkedStoredRuleSet(ruleSetId, entry, version), year)) : null));
      cache.set(key, found);
      found.then(
        (texts) => texts ?? cache.delete(key),
        () => cache.delete(key),
      );
    }
    return found;
  };
}
