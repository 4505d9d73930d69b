import type { RuleSet } from '../engine/rule-set-schema.js';
import type { StandardId } from '../standards/standard-ids.js';

/** One rule set per standard: what a run or an evaluation judges with. */
export type RuleSetsByStandard = Record<StandardId, RuleSet>;

/**
 * Where rule sets come from (GoRules ZEN's loader): the reviewed files of a folder, the
 * versions published in the rule-set store, or either behind a cache. Callers ask for what
 * they need and never learn where it lives; which version is in force is decided by the
 * sources in one way (`ruleSetsInForce`).
 */
export interface RuleSetSource {
  /** The version of each standard in force on the quarter's last day. */
  inForce(quarter: string): Promise<RuleSetsByStandard>;
  /** Exactly these versions (a run's pinned `ruleSetVersions`); a missing one is `RuleSetNotFoundError`. */
  pinned(versions: Readonly<Record<string, number>>): Promise<RuleSetsByStandard>;
}
