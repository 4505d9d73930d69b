import { RuleSetNotFoundError } from '../engine/errors.js';
import type { RuleSet } from '../engine/rule-set-schema.js';
import { selectVersionInForce } from '../engine/load-rule-set.js';
import { STANDARD_IDS, type StandardId } from '../standards/standard-ids.js';

/** For each of the six standards, the version in force on the as-of date. */
export function ruleSetsInForce(versions: readonly RuleSet[], asOf: string): Record<StandardId, RuleSet> {
  const chosen = {} as Record<StandardId, RuleSet>;
  for (const id of STANDARD_IDS) {
    const candidates = versions.filter((v) => v.id === id);
    if (candidates.length === 0) throw new RuleSetNotFoundError(id, 'no version is published');
    chosen[id] = selectVersionInForce(candidates, asOf);
  }
  return chosen;
}
