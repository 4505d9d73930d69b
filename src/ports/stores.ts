import type { RuleSet } from '../engine/rule-set-schema.js';
import type { CardRecord, UnitType } from '../standards/accountability/accountability-input.js';
import type { ListRow, ScoreRow } from '../standards/accountability/accountability-output.js';
import type { RecordStore } from './record-store.js';
import type { RuleDraftStore } from './rule-draft-store.js';
import type { RunStore } from './run-store.js';
import type { VerdictStore } from './verdict-store.js';

/** The stores a pipeline works on; one adapter family provides them all. */
export interface Stores {
  readonly records: RecordStore;
  readonly verdicts: VerdictStore;
  readonly runs: RunStore;
  readonly accountability: AccountabilityStore;
  readonly ruleSets: RuleSetStore;
  /** Drafts of rule sets on their way to publication (author, submission, approval). */
  readonly drafts: RuleDraftStore;
}

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

/** Scores, lists and the card history. Cards are keyed by unit and quarter, so re-appending is idempotent. */
export interface AccountabilityStore {
  /** Writes the quarter's card of each unit, replacing the same quarter only; returns how many changed. */
  putCards(cards: readonly CardRecord[]): Promise<number>;
  listCards(unitType: UnitType, unitId: string): Promise<CardRecord[]>;
  /** Replaces the county's scores and lists for the quarter; returns how many score rows changed. */
  putCountyAccountability(quarter: string, countyId: string, scores: readonly ScoreRow[], lists: readonly ListRow[]): Promise<number>;
  listScores(quarter: string, countyId: string): Promise<ScoreRow[]>;
  listLists(quarter: string, countyId: string): Promise<ListRow[]>;
}
