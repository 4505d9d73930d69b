import type { RuleSet } from '../engine/rule-set-schema.js';

/** A published rule-set version with its provenance. Published versions never change. */
export interface PublishedRuleSet {
  readonly ruleSet: RuleSet;
  readonly author: string;
  readonly note: string;
  /** ISO timestamp of publication. */
  readonly publishedAt: string;
  /** SHA-256 of the canonical JSON of `ruleSet`. */
  readonly contentHash: string;
}

/** Rule-set versions, immutable once published. */
export interface RuleSetStore {
  /** Publishes a version; throws `RuleSetConflictError` when that id and version exist already. */
  publish(entry: PublishedRuleSet): Promise<void>;
  getVersion(id: string, version: number): Promise<PublishedRuleSet | null>;
  /** Every published version of an id, by version ascending. */
  listVersions(id: string): Promise<PublishedRuleSet[]>;
  /** The ids that have at least one published version, sorted. */
  listIds(): Promise<string[]>;
}
