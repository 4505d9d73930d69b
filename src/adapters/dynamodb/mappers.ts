import type { Verdict } from '../../engine/verdict.js';
import type { IncompleteNote } from '../../ports/record-store.js';
import type { PublishedRuleSet } from '../../ports/stores.js';
import type { RunRecord } from '../../ports/run-store.js';
import type { AssistingUnit, County, Household, Township, Village } from '../../records/records.js';
import type { CardRecord } from '../../standards/accountability/accountability-input.js';
import type { ListRow, ScoreRow } from '../../standards/accountability/accountability-output.js';
import type { VerdictTexts } from '../../engine/verdict-texts.js';
import { compactVerdict } from './compact-verdict.js';
import { keys } from './keys.js';
import { StoreReadError } from './store-errors.js';

/** An item as the DocumentClient reads and writes it (native JS values). */
export type Item = Record<string, unknown>;

/** What an item holds: lets a reader check it got the entity it asked for. */
export type ItemKind =
  | 'county'
  | 'township'
  | 'village'
  | 'unit'
  | 'household'
  | 'household-roster'
  | 'incomplete-note'
  | 'verdict'
  | 'verdict-digest'
  | 'tally'
  | 'tally-chunk'
  | 'card'
  | 'score'
  | 'list-row'
  | 'run'
  | 'rule-set-version'
  | 'rule-set-id'
  | 'rule-draft'
  | 'rule-draft-report';

/*
 * Every entity is kept whole, as a native DynamoDB map under `data`, next to its keys. Records
 * are loose objects (unknown fields are kept), so nesting them keeps their fields from ever
 * colliding with `pk`, `sk`, `gsi1pk`… The few attributes a condition or projection needs are
 * copied to the top level.
 */

export const countyItem = (r: County): Item => ({ ...keys.county(r.countyId), ...keys.countyEntry(r.countyId), kind: 'county', data: r });
export const townshipItem = (r: Township): Item => ({
  ...keys.township(r.townshipId),
  ...keys.townshipEntry(r.countyId, r.townshipId),
  kind: 'township',
  data: r,
});
export const villageItem = (r: Village): Item => ({ ...keys.village(r.villageId), ...keys.villageEntry(r.countyId, r.villageId), kind: 'village', data: r });
export const unitItem = (r: AssistingUnit): Item => ({ ...keys.unit(r.unitId), ...keys.unitEntry(r.countyId, r.unitId), kind: 'unit', data: r });
/**
 * Built property by property, not by spreading the keys: the import checks every household's
 * item against the store's limits, and V8's sampling heap profiler found each spread copy
 * outliving the young generation (about 860 bytes a household, freed only by full collections).
 */
export const householdItem = (r: Household): Item => {
  const { pk, sk } = keys.household(r.householdId);
  const { gsi1pk, gsi1sk } = keys.householdEntry(r.villageId, r.householdId);
  return { pk, sk, gsi1pk, gsi1sk, kind: 'household', data: r };
};

export const incompleteNoteItem = (n: IncompleteNote): Item => ({ ...keys.incompleteNote(n.countyId, n.villageId, n.kind), kind: 'incomplete-note', data: n });

/**
 * A verdict in its partition, with no `gsi1` entry (a subject's verdicts are found through their
 * partition, `subject-verdict-keys.ts`); `determinationId` on top for the change check. With its
 * version's texts it is stored compact under `verdict`; without them (a version the store does
 * not hold) whole under `data`.
 */
export function verdictItem(partition: string, v: Verdict, texts: VerdictTexts | null = null): Item {
  const compact = texts ? compactVerdict(v, texts) : null;
  return {
    ...keys.verdict(partition, v),
    kind: 'verdict',
    determinationId: v.determinationId,
    ...(compact ? { verdict: compact } : { data: v }),
  };
}

export const cardItem = (c: CardRecord): Item => ({ ...keys.card(c.unitType, c.unitId, c.quarter), kind: 'card', data: c });

export const scoreItem = (quarter: string, countyId: string, position: number, row: ScoreRow): Item => ({
  ...keys.score(quarter, countyId, position),
  kind: 'score',
  data: row,
});
export const listRowItem = (quarter: string, countyId: string, position: number, row: ListRow): Item => ({
  ...keys.listRow(quarter, countyId, position),
  kind: 'list-row',
  data: row,
});

/** A run, listed in `gsi1` under its quarter by start time; `startedAt` and `quarter` on top for the create condition. */
export const runItem = (run: RunRecord): Item => ({
  ...keys.run(run.runId),
  ...keys.runEntry(run.quarter, run.startedAt, run.runId),
  kind: 'run',
  quarter: run.quarter,
  startedAt: run.startedAt,
  data: run,
});

export const ruleSetVersionItem = (entry: PublishedRuleSet): Item => ({
  ...keys.ruleSetVersion(entry.ruleSet.id, entry.ruleSet.version),
  kind: 'rule-set-version',
  data: entry,
});
export const ruleSetIdItem = (ruleSetId: string): Item => ({ ...keys.ruleSetId(ruleSetId), kind: 'rule-set-id', ruleSetId });

/** The entity an item holds; a missing `data` or another kind means the table holds something it should not. */
export function dataOf<T>(item: Item, kind: ItemKind): T {
  if (item.kind !== kind || typeof item.data !== 'object' || item.data === null) {
    throw new StoreReadError(`item ${String(item.pk)} / ${String(item.sk)} is not a ${kind} item`);
  }
  return item.data as T;
}
