import type { RuleSetStore } from '../ports/rule-set-store.js';
import type { RuleSet } from '../engine/rule-set-schema.js';
import type { StandardId } from '../standards/standard-ids.js';
import { STANDARD_IDS } from '../standards/standard-ids.js';
import { ruleSetsInForce } from './rule-sets-in-force.js';

/**
 * The versions in force on the as-of date among those published in the store. Every stored
 * version passed the publish gate, so nothing is re-checked here.
 */
export async function ruleSetsFromStore(store: RuleSetStore, asOf: string): Promise<Record<StandardId, RuleSet>> {
  const versions = (await Promise.all(STANDARD_IDS.map((id) => store.listVersions(id)))).flat();
  return ruleSetsInForce(
    versions.map((v) => v.ruleSet),
    asOf,
  );
}
