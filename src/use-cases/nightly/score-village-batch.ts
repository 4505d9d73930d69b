import type { IncompleteNote } from '../../ports/record-store.js';
import type { Verdict } from '../../engine/verdict.js';
import type { Stores } from '../../ports/stores.js';
import type { County } from '../../records/records.js';
import { versionsUsed } from '../run-summary.js';
import type { ScoringContext } from '../scoring-context.js';
import { VillageNotFoundError } from '../use-case-errors.js';
import { scoreVillage } from '../scoring/score-village.js';
import { villageRejectedRows } from '../import/incomplete-notes.js';
import { villageOverviewTally } from '../reading/village-overview-tally.js';

export interface BatchResult {
  readonly villages: number;
  readonly households: number;
  readonly verdictWrites: number;
  readonly failed: { villageId: string; error: string }[];
}

/** A county and its incompleteness notes, read once per batch. */
export interface CountyOfBatch {
  readonly county: County | null;
  readonly notes: readonly IncompleteNote[];
}

/**
 * Scores one village and stores its changed verdicts and its tally; returns verdicts written.
 * The county's stored incompleteness notes decide whether the village's household set is whole.
 */
export async function scoreAndStoreVillage(stores: Stores, context: ScoringContext, villageId: string, countyCache = new Map<string, CountyOfBatch>()) {
  const village = await stores.records.getVillage(villageId);
  if (!village) throw new VillageNotFoundError(villageId);
  if (!countyCache.has(village.countyId)) {
    const [county, notes] = await Promise.all([stores.records.getCounty(village.countyId), stores.records.listIncompleteNotes(village.countyId)]);
    countyCache.set(village.countyId, { county, notes });
  }
  const { county, notes } = countyCache.get(village.countyId)!;
  const households = await stores.records.listHouseholds(villageId);
  const score = await scoreVillage(context, village, county?.region ?? null, households, villageRejectedRows(notes, villageId));
  const verdictWrites = await stores.verdicts.replacePartitionVerdicts(villageId, context.year, score.verdicts);
  await stores.runs.putVillageTally({
    quarter: context.quarter,
    countyId: village.countyId,
    villageId,
    population: score.population,
    summaries: score.summaries,
    versions: versionsUsed(context.ruleSets),
    overview: villageOverviewTally(villageId, score.verdicts, context.ruleSets['household-exit']),
  });
  return { score, households: households.length, verdictWrites };
}

/** Told each village's verdicts as judged (changed or not), once the village is stored. */
export type VillageVerdictsHook = (villageId: string, verdicts: readonly Verdict[]) => void;

/**
 * Scores a batch of villages. A village that throws is retried (`attempts` in all) and then
 * reported, so one bad village never stops the batch.
 */
export async function scoreVillageBatch(stores: Stores, context: ScoringContext, villageIds: readonly string[], attempts = 2, onVerdicts?: VillageVerdictsHook): Promise<BatchResult> {
  let households = 0;
  let verdictWrites = 0;
  const failed: { villageId: string; error: string }[] = [];
  const countyCache = new Map<string, CountyOfBatch>();
  for (const villageId of villageIds) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const done = await scoreAndStoreVillage(stores, context, villageId, countyCache);
        onVerdicts?.(villageId, done.score.verdicts);
        households += done.households;
        verdictWrites += done.verdictWrites;
        break;
      } catch (error) {
        if (attempt >= attempts) {
          failed.push({ villageId, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
          break;
        }
      }
    }
  }
  return { villages: villageIds.length - failed.length, households, verdictWrites, failed };
}
