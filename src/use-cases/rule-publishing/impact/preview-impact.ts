import type { Verdict } from '../../../engine/verdict.js';
import type { AccountabilityStore } from '../../../ports/stores.js';
import type { RecordStore } from '../../../ports/record-store.js';
import type { County } from '../../../records/records.js';
import type { AccountabilityRun } from '../../../standards/accountability/accountability-output.js';
import type { CardRecord, HouseholdExitSummary } from '../../../standards/accountability/accountability-input.js';
import { runAccountability } from '../../../standards/accountability/run-accountability.js';
import { accountableUnits } from '../../accountability/accountable-units.js';
import { countyRejectedRows, villageRejectedRows } from '../../import/incomplete-notes.js';
import { scoreCounty, sumPopulations } from '../../scoring/score-county.js';
import { scoreVillage, type VillageScore } from '../../scoring/score-village.js';
import type { ScoringContext } from '../../scoring-context.js';
import {
  outcomeChanges,
  unitChanges,
  type CountyImpact,
  type ImpactCount,
  type ImpactPreview,
  type OutcomeChange,
  type PreviewFailure,
} from './outcome-changes.js';

/** The stores a preview reads: the records to judge and the card history. Nothing is written. */
export interface PreviewStores {
  readonly records: RecordStore;
  readonly accountability: AccountabilityStore;
}

/** Both judgements of one subject, or where each failed. */
type Both<T> = { before: T | Error; after: T | Error };

const errorText = (error: Error) => `${error.name}: ${error.message}`;

async function attempt<T>(work: () => Promise<T> | T): Promise<T | Error> {
  try {
    return await work();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function both<T>(work: (context: ScoringContext) => Promise<T> | T, before: ScoringContext, after: ScoringContext): Promise<Both<T>> {
  return { before: await attempt(() => work(before)), after: await attempt(() => work(after)) };
}

/** Sorts out a pair: usable, a failure of the draft alone, or a subject neither version can judge. */
function settle<T>(pair: Both<T>, subject: string, failures: PreviewFailure[], skipped: PreviewFailure[]): { before: T; after: T } | null {
  if (pair.before instanceof Error) {
    skipped.push({ subject, error: errorText(pair.before) });
    return null;
  }
  if (pair.after instanceof Error) {
    failures.push({ subject, error: errorText(pair.after) });
    return null;
  }
  return { before: pair.before, after: pair.after };
}

function accountabilityOf(context: ScoringContext, input: { units: ReturnType<typeof accountableUnits>; summaries: HouseholdExitSummary[]; history: CardRecord[] }): AccountabilityRun {
  return runAccountability({
    quarter: context.quarter,
    units: input.units,
    households: input.summaries,
    history: input.history,
    parameters: context.accountability.parameters,
    indicatorLabels: context.accountability.indicatorLabels,
  });
}

type VillagePart = Pick<VillageScore, 'population' | 'summaries'>;

const count = (judged: number, changed: number): ImpactCount => ({ judged, changed });

/** Judges one county with both contexts and counts the subjects whose outcome changes. */
async function previewCounty(
  stores: PreviewStores,
  county: County,
  before: ScoringContext,
  after: ScoringContext,
  failures: PreviewFailure[],
  skipped: PreviewFailure[],
  examplesPerCounty: number,
): Promise<CountyImpact> {
  const [townships, villages, assisting, notes] = await Promise.all([
    stores.records.listTownships(county.countyId),
    stores.records.listVillages(county.countyId),
    stores.records.listUnits(county.countyId),
    // Judged as the nightly run judges: items needing rejected rows stay unknown on both sides.
    stores.records.listIncompleteNotes(county.countyId),
  ]);
  // What the county and its units need of each village, on each side; verdicts are compared and let go.
  const scores: { before: VillagePart[]; after: VillagePart[] } = { before: [], after: [] };
  let householdsJudged = 0;
  const householdChanges: OutcomeChange[] = [];
  const villageChanges: OutcomeChange[] = [];
  for (const village of villages) {
    const households = await stores.records.listHouseholds(village.villageId);
    const pair = settle(await both((c) => scoreVillage(c, village, county.region ?? null, households, villageRejectedRows(notes, village.villageId)), before, after), `village ${village.villageId}`, failures, skipped);
    if (!pair) continue;
    scores.before.push({ population: pair.before.population, summaries: pair.before.summaries });
    scores.after.push({ population: pair.after.population, summaries: pair.after.summaries });
    householdsJudged += households.length;
    const split = (verdicts: Verdict[]) => verdicts.filter((v) => v.subjectType === 'household');
    const place = { villageId: village.villageId, townshipId: village.townshipId };
    householdChanges.push(...outcomeChanges(split(pair.before.verdicts), split(pair.after.verdicts)).map((change) => ({ ...change, ...place })));
    villageChanges.push(...outcomeChanges([pair.before.villageVerdict], [pair.after.villageVerdict]).map((change) => ({ ...change, ...place })));
  }
  const countyPair = settle(
    await both((c) => scoreCounty(c, county, townships, sumPopulations((c === before ? scores.before : scores.after).map((s) => s.population)), countyRejectedRows(notes)), before, after),
    `county ${county.countyId}`,
    failures,
    skipped,
  );
  const countyChanges = countyPair ? outcomeChanges([countyPair.before], [countyPair.after]) : [];
  const units = accountableUnits(townships, assisting, villages);
  const history = (await Promise.all(units.map((u) => stores.accountability.listCards(u.unitType, u.unitId)))).flat();
  const unitPair = settle(
    await both((c) => accountabilityOf(c, { units, history, summaries: (c === before ? scores.before : scores.after).flatMap((s) => s.summaries) }), before, after),
    `accountability of ${county.countyId}`,
    failures,
    skipped,
  );
  const unitChangeList = unitPair ? unitChanges(unitPair.before, unitPair.after) : [];
  return {
    countyId: county.countyId,
    households: count(householdsJudged, new Set(householdChanges.map((c) => c.subjectId)).size),
    villages: count(scores.before.length, villageChanges.length),
    county: count(countyPair ? 1 : 0, countyChanges.length),
    units: count(unitPair ? units.length : 0, unitChangeList.length),
    examples: [...countyChanges, ...villageChanges, ...householdChanges, ...unitChangeList].slice(0, examplesPerCounty),
  };
}

function total(counties: readonly CountyImpact[], pick: (c: CountyImpact) => ImpactCount): ImpactCount {
  return counties.reduce((sum, c) => count(sum.judged + pick(c).judged, sum.changed + pick(c).changed), count(0, 0));
}

/**
 * Step d of the publish gate: every county the store holds — its villages and households, the
 * county itself and its accountable units — judged with the versions in force (`before`) and
 * with the draft in place of its standard's version (`after`), through the pipeline's own use
 * cases (`scoreVillage` → `judgeHousehold`, `scoreCounty`, `runAccountability`). Counts the
 * subjects whose outcome changes, by county, with up to `examplesPerCounty` examples each.
 * Reads the stores, writes nothing.
 */
export async function previewImpact(
  stores: PreviewStores,
  before: ScoringContext,
  after: ScoringContext,
  about: { ruleSetId: string; asOf: string; draftInForce: boolean },
  examplesPerCounty = 5,
  onProgress?: (countiesDone: number, countiesTotal: number) => void,
): Promise<ImpactPreview> {
  const failures: PreviewFailure[] = [];
  const skipped: PreviewFailure[] = [];
  const counties: CountyImpact[] = [];
  const all = (await stores.records.listCounties()).sort((a, b) => (a.countyId < b.countyId ? -1 : a.countyId > b.countyId ? 1 : 0));
  for (const county of all) {
    counties.push(await previewCounty(stores, county, before, after, failures, skipped, examplesPerCounty));
    onProgress?.(counties.length, all.length);
  }
  const totals = {
    households: total(counties, (c) => c.households),
    villages: total(counties, (c) => c.villages),
    counties: total(counties, (c) => c.county),
    units: total(counties, (c) => c.units),
  };
  const id = about.ruleSetId as keyof ScoringContext['ruleSets'];
  return {
    ruleSetId: about.ruleSetId,
    quarter: before.quarter,
    asOf: about.asOf,
    fromVersion: before.ruleSets[id].version,
    toVersion: after.ruleSets[id].version,
    draftInForce: about.draftInForce,
    totals,
    counties,
    failures,
    skipped,
    changesOutcomes: Object.values(totals).some((t) => t.changed > 0),
  };
}
