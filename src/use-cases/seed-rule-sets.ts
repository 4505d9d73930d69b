import type { RuleSet } from '../engine/rule-set-schema.js';
import { RuleSetConflictError } from '../engine/errors.js';
import type { RuleSetStore } from '../ports/stores.js';
import { publishEntry, type PublishedRuleSetWithCases } from './rule-publishing/published-entry.js';
import { ScenarioFileSchema } from './scenarios/scenario-cases.js';

/**
 * Seeds the rule-set store: publishes the reviewed rule sets (the repository's `rules/`) for
 * every standard that has no published version yet; returns how many it published. A store
 * that already holds a standard's versions is left as it is — later versions go through the
 * publish gate. An explicit step of setting a store up (`score`, `nightly`, `serve`, a
 * deployment's first run), never a side effect of reading rule sets. `reviewedCases` gives the
 * scenario cases reviewed with a version (the repository's), stored with it when they are
 * readable as cases: the next draft of the standard starts with them.
 */
export async function seedRuleSets(store: RuleSetStore, reviewed: readonly RuleSet[], now: Date, reviewedCases?: (id: string, version: number) => Promise<unknown>): Promise<number> {
  let published = 0;
  const ids = new Set(await store.listIds());
  for (const ruleSet of reviewed) {
    if (ids.has(ruleSet.id)) continue;
    try {
      const cases = ScenarioFileSchema.safeParse(reviewedCases ? await reviewedCases(ruleSet.id, ruleSet.version) : null);
      const entry: PublishedRuleSetWithCases = { ...publishEntry(ruleSet, 'tuopin', 'initial publication of the reviewed rule sets', now), ...(cases.success ? { cases: cases.data } : {}) };
      await store.publish(entry);
      published += 1;
    } catch (error) {
      // Another process published the same first version at the same moment: that is the goal.
      if (!(error instanceof RuleSetConflictError)) throw error;
    }
  }
  return published;
}
