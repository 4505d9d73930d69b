import { RuleSetNotFoundError } from '../../engine/errors.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { selectVersionInForce } from '../../engine/load-rule-set.js';
import { STANDARD_IDS, type StandardId } from '../../standards/standard-ids.js';

/**
 * The versions in force on `asOf` for the six standards, with the draft (when given) in place
 * of its own standard's: what a judgement of that day uses, or would use with the draft. The
 * draft stands in whatever its `effectiveFrom`, so its effect can be seen before it applies.
 * Other standards take the store's versions when it holds any (the store comes first, as in
 * every run), else the repository's reviewed versions, which the other commands publish on
 * first use. Throws `RuleSetNotFoundError` when a standard has no version in force that day.
 */
export function companionRuleSets(published: readonly RuleSet[], reviewed: readonly RuleSet[], asOf: string, draft?: RuleSet): Record<StandardId, RuleSet> {
  const chosen = {} as Record<StandardId, RuleSet>;
  for (const id of STANDARD_IDS) {
    if (draft && draft.id === id) {
      chosen[id] = draft;
      continue;
    }
    const stored = published.filter((v) => v.id === id);
    const candidates = stored.length > 0 ? stored : reviewed.filter((v) => v.id === id);
    if (candidates.length === 0) throw new RuleSetNotFoundError(id, 'no version is published, and none is reviewed in the repository');
    chosen[id] = selectVersionInForce(candidates, asOf);
  }
  return chosen;
}
