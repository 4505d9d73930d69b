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
import { villageInputsDigest, type UnchangedVillages } from './village-inputs.js';

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

/** The county's record and notes, read once per batch; a failed read is forgotten, so a retry reads again. */
function countyOfBatch(stores: Stores, countyId: string, cache: Map<string, Promise<CountyOfBatch>>): Promise<CountyOfBatch> {
  let entry = cache.get(countyId);
  if (!entry) {
    entry = Promise.all([stores.records.getCounty(countyId), stores.records.listIncompleteNotes(countyId)]).then(([county, notes]) => ({ county, notes }));
    cache.set(countyId, entry);
    entry.catch(() => cache.delete(countyId));
  }
  return entry;
}

/** Where a batch may keep villages whose inputs are unchanged: the run's inputs basis (`runInputsBasis`) and who decides. */
export interface KeepUnchanged {
  readonly basis: string;
  readonly keep: UnchangedVillages['keep'];
}

/** A village with what it is judged against besides its households: its county's region and its rejected rows. */
async function villageOfBatch(stores: Stores, villageId: string, countyCache: Map<string, Promise<CountyOfBatch>>) {
  const village = await stores.records.getVillage(villageId);
  if (!village) throw new VillageNotFoundError(villageId);
  const { county, notes } = await countyOfBatch(stores, village.countyId, countyCache);
  return { village, region: county?.region ?? null, rejectedRows: villageRejectedRows(notes, villageId) };
}

type VillageInputs = Awaited<ReturnType<typeof villageOfBatch>>;

/** Judges the village's households and stores its changed verdicts and its tally, marked with `inputs` when given. */
async function judgeAndStore(stores: Stores, context: ScoringContext, { village, region, rejectedRows }: VillageInputs, inputs?: string) {
  const { villageId } = village;
  const households = await stores.records.listHouseholds(villageId);
  const score = await scoreVillage(context, village, region, households, rejectedRows);
  const verdictWrites = await stores.verdicts.replacePartitionVerdicts(villageId, context.year, score.verdicts, inputs);
  const tally = {
    quarter: context.quarter,
    countyId: village.countyId,
    villageId,
    population: score.population,
    summaries: score.summaries,
    versions: versionsUsed(context.ruleSets),
    overview: villageOverviewTally(villageId, score.verdicts, context.ruleSets['household-exit']),
  };
  await stores.runs.putVillageTally(tally, inputs);
  return { score, households: households.length, verdictWrites, inputs };
}

/**
 * Scores one village and stores its changed verdicts and its tally; returns verdicts written.
 * The county's stored incompleteness notes decide whether the village's household set is whole.
 */
export async function scoreAndStoreVillage(stores: Stores, context: ScoringContext, villageId: string, countyCache = new Map<string, Promise<CountyOfBatch>>()) {
  return judgeAndStore(stores, context, await villageOfBatch(stores, villageId, countyCache));
}

/** Whether a village is kept as stored, or what judging it takes (and the digest to mark it with). */
type KeepDecision = { readonly kept: string; readonly households: number } | { readonly inputs: VillageInputs; readonly digest?: string };

/**
 * Keeps the village as stored when its inputs digest is the one both its verdicts and its tally
 * still carry and `keep` agrees: a few small reads, none of its households. Otherwise it is to
 * be judged, and what it stores marked with the digest when the store knows every household's
 * content hash.
 */
async function decideKeep(stores: Stores, context: ScoringContext, villageId: string, countyCache: Map<string, Promise<CountyOfBatch>>, keep: KeepUnchanged): Promise<KeepDecision> {
  const [inputs, hashes] = await Promise.all([villageOfBatch(stores, villageId, countyCache), stores.records.householdHashes(villageId)]);
  if (hashes === null) return { inputs };
  const digest = villageInputsDigest(keep.basis, inputs.village, inputs.region, inputs.rejectedRows, hashes);
  const marks = await Promise.all([stores.verdicts.judgedFrom(villageId, context.year), stores.runs.tallyJudgedFrom(context.quarter, inputs.village.countyId, villageId)]);
  if (marks.every((mark) => mark === digest) && keep.keep(villageId, digest)) return { kept: digest, households: hashes.size };
  return { inputs, digest };
}

/** Acts on a decision: nothing to do for a kept village, judging for any other. */
async function scoreOrKeep(stores: Stores, context: ScoringContext, decision: KeepDecision) {
  if ('kept' in decision) return { ...decision, verdictWrites: 0 };
  return judgeAndStore(stores, context, decision.inputs, decision.digest);
}

/**
 * Told each village's verdicts as judged (changed or not), once the village is stored, with
 * the inputs digest they were marked with, if any.
 */
export type VillageVerdictsHook = (villageId: string, verdicts: readonly Verdict[], inputs?: string) => void;

/**
 * Scores a batch of villages. A village that throws is retried (`attempts` in all) and then
 * reported, so one bad village never stops the batch.
 */
export async function scoreVillageBatch(
  stores: Stores,
  context: ScoringContext,
  villageIds: readonly string[],
  attempts = 2,
  onVerdicts?: VillageVerdictsHook,
  keep?: KeepUnchanged,
): Promise<BatchResult> {
  let households = 0;
  let verdictWrites = 0;
  const failed: { villageId: string; error: string }[] = [];
  const countyCache = new Map<string, Promise<CountyOfBatch>>();
  // The batch's decisions are a few small reads a village: made all at once, they cost one
  // round trip, not one per village. A failed decision is made again on the next attempt.
  const decisions = keep ? villageIds.map((villageId) => decideKeep(stores, context, villageId, countyCache, keep)) : [];
  for (const decision of decisions) decision.catch(() => {});
  for (const [index, villageId] of villageIds.entries()) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const decision = !keep ? null : attempt === 1 ? await decisions[index]! : await decideKeep(stores, context, villageId, countyCache, keep);
        const done = decision ? await scoreOrKeep(stores, context, decision) : await scoreAndStoreVillage(stores, context, villageId, countyCache);
        if (!('kept' in done)) onVerdicts?.(villageId, done.score.verdicts, done.inputs);
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
