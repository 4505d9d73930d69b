import type { RuleSet } from '../engine/rule-set-schema.js';
import { RuleSetConflictError } from '../engine/errors.js';
import type { RuleSetStore } from '../ports/stores.js';
import { publishEntry } from './rule-publishing/published-entry.js';

/**
 * Seeds the rule-set store: publishes the reviewed rule sets (the repository's `rules/`) for
 * every standard that has no published version yet; returns how many it published. A store
 * that already holds a standard's versions is left as it is — later versions go through the
 * publish gate. An explicit step of setting a store up (`score`, `nightly`, `serve`, a
 * deployment's first run), never a side effect of reading rule sets.
 */
export async function seedRuleSets(store: RuleSetStore, reviewed: readonly RuleSet[], now: Date): Promise<number> {
  let published = 0;
  const ids = new Set(await store.listIds());
  for (const ruleSet of reviewed) {
    if (ids.has(ruleSet.id)) continue;
    try {
      await store.publish(publishEntry(ruleSet, 'tuopin', 'initial publication of the reviewed rule sets', now));
      published += 1;
    } catch (error) {
      // Another process published the same first version at the same moment: that is the goal.
      if (!(error instanceof RuleSetConflictError)) throw error;
    }
  }
  return published;
}
