import type { LocalizedText } from '../../engine/verdict.js';
import type { County } from '../../records/records.js';
import type { Stores } from '../../ports/stores.js';
import { parseQuarter } from '../../kernel/quarter.js';
import { SubjectNotFoundError } from '../use-case-errors.js';
import { villageOverviewTally, addOutcomeCounts, countOutcomes, brief, type ItemBrief, type OutcomeCount, type VillageOverviewTally } from './village-overview-tally.js';
import { countyDeprivationProfile, type CountyDeprivationProfile } from './county-deprivation-profile.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';

export type { ItemBrief, OutcomeCount } from './village-overview-tally.js';

export interface VillageOverview {
  readonly villageId: string;
  readonly name: string | null;
  readonly townshipId: string;
  readonly townshipName: string | null;
  /** The village-exit outcome, or null when no verdict is stored for the year. */
  readonly outcome: string | null;
  readonly outcomeLabel: LocalizedText | null;
  readonly failingItems: readonly ItemBrief[];
  readonly figures: Readonly<Record<string, number | null>>;
  /** Of the village's households judged by household-exit, how many fail each item (the deprivation heatmap). */
  readonly householdItems: { readonly judged: number; readonly failing: Readonly<Record<string, number>> };
}

export interface CountyOverview {
  readonly county: { readonly countyId: string; readonly name: string | null; readonly province: string | null; readonly region: string | null };
  readonly quarter: string;
  readonly year: number;
  readonly outcomes: readonly OutcomeCount[];
  /** Failing villages first, then by name. */
  readonly villages: readonly VillageOverview[];
  /** The household-exit items (一超六有 and the rest), in rule-set order, with their labels. */
  readonly householdItemLabels: readonly { readonly id: string; readonly label: LocalizedText }[];
  /** The county-exit verdict's items with their figures, or null when none is stored. */
  readonly countyVerdict: { readonly outcome: string; readonly outcomeLabel: LocalizedText; readonly items: readonly ItemBrief[]; readonly figures: Readonly<Record<string, number | null>> } | null;
  /** The Alkire–Foster measures over the household-exit items, by county, township, village and item. */
  readonly deprivation: CountyDeprivationProfile;
  /** Villages read from their tallies of the quarter, and villages read from their verdicts (no tally with the overview's sums). */
  readonly sources: { readonly tallies: number; readonly verdicts: number };
}

function failing(village: VillageOverview): boolean {
  return village.outcome === 'fail';
}

function countyOf(county: County): CountyOverview['county'] {
  return { countyId: county.countyId, name: county.name, province: county.province, region: county.region };
}

/**
 * Each village's overview sums: from its tally of the quarter when the tally carries them (one
 * query for the county), else from the village partition's verdicts of the year, weighed with
 * the household-exit version that judged them (a tally written before the sums existed).
 */
async function villageSums(stores: Pick<Stores, 'verdicts' | 'runs' | 'ruleSets'>, countyId: string, quarter: string, year: number, villageIds: readonly string[]): Promise<{ sums: VillageOverviewTally[]; fromTallies: number }> {
  const stored = new Map<string, VillageOverviewTally>();
  for (const tally of await stores.runs.listVillageTallies(quarter, countyId)) if (tally.overview) stored.set(tally.villageId, tally.overview);
  const versions = new Map<number, Promise<RuleSet | null>>();
  const householdExit = (version: number) => {
    if (!versions.has(version)) versions.set(version, stores.ruleSets.getVersion('household-exit', version).then((found) => found?.ruleSet ?? null));
    return versions.get(version)!;
  };
  const sums = await Promise.all(
    villageIds.map(async (villageId) => {
      const found = stored.get(villageId);
      if (found) return found;
      const verdicts = await stores.verdicts.listPartitionVerdicts(villageId, year);
      const version = verdicts.find((verdict) => verdict.ruleSetId === 'household-exit')?.ruleSetVersion;
      return villageOverviewTally(villageId, verdicts, version === undefined ? null : await householdExit(version));
    }),
  );
  return { sums, fromTallies: villageIds.filter((id) => stored.has(id)).length };
}

/**
 * What a county leader reads first: outcomes per standard over the village partitions and the
 * county's own verdicts, each village's village-exit verdict (failing first, then by name), the
 * county's verdict and the deprivation profile. The villages' parts come from their tallies of
 * the quarter (one query), falling back to a village's verdicts where its tally lacks them.
 */
export async function countyOverview(stores: Pick<Stores, 'records' | 'verdicts' | 'runs' | 'ruleSets'>, countyId: string, quarter: string): Promise<CountyOverview> {
  const { year } = parseQuarter(quarter);
  const county = await stores.records.getCounty(countyId);
  if (!county) throw new SubjectNotFoundError('county', countyId);
  const [villages, townships, countyVerdicts] = await Promise.all([
    stores.records.listVillages(countyId),
    stores.records.listTownships(countyId),
    stores.verdicts.getSubjectVerdicts('county', countyId),
  ]);
  const townshipNames = new Map(townships.map((township) => [township.townshipId, township.name]));
  const { sums, fromTallies } = await villageSums(stores, countyId, quarter, year, villages.map((village) => village.villageId));
  const ofYear = countyVerdicts.filter((verdict) => verdict.year === year);
  const views = villages.map((village, index): VillageOverview => {
    const { village: verdict, householdItems } = sums[index]!;
    return {
      villageId: village.villageId,
      name: village.name,
      townshipId: village.townshipId,
      townshipName: townshipNames.get(village.townshipId) ?? null,
      outcome: verdict?.outcome ?? null,
      outcomeLabel: verdict?.outcomeLabel ?? null,
      failingItems: verdict?.failingItems ?? [],
      figures: verdict?.figures ?? {},
      householdItems,
    };
  });
  const labels = sums.find((sum) => sum.householdItemLabels.length > 0)?.householdItemLabels ?? [];
  const deprivation = countyDeprivationProfile(
    views.map((view, index) => ({ ...view, judged: view.householdItems.judged, deprivation: sums[index]!.deprivation })),
    labels,
  );
  views.sort((a, b) => Number(failing(b)) - Number(failing(a)) || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN') || (a.villageId < b.villageId ? -1 : 1));
  const countyExit = ofYear.find((verdict) => verdict.ruleSetId === 'county-exit');
  return {
    county: countyOf(county),
    quarter,
    year,
    outcomes: addOutcomeCounts([...sums.map((sum) => sum.outcomes), countOutcomes(ofYear)]),
    villages: views,
    householdItemLabels: labels,
    countyVerdict: countyExit ? { outcome: countyExit.outcome, outcomeLabel: countyExit.outcomeLabel, items: brief(countyExit, true), figures: countyExit.figures ?? {} } : null,
    deprivation,
    sources: { tallies: fromTallies, verdicts: villages.length - fromTallies },
  };
}

/** Every county with its name, for the console's county picker. */
export async function listCountyNames(stores: Pick<Stores, 'records'>): Promise<CountyOverview['county'][]> {
  return (await stores.records.listCounties()).map(countyOf);
}
