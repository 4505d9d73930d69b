import type { LocalizedText, Verdict } from '../../engine/verdict.js';
import type { County } from '../../records/records.js';
import type { Stores } from '../../ports/stores.js';
import { parseQuarter } from '../../kernel/quarter.js';
import { SubjectNotFoundError } from '../use-case-errors.js';

/** How many subjects of one standard had each outcome. */
export interface OutcomeCount {
  readonly ruleSetId: string;
  readonly subjectType: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly labels: Readonly<Record<string, LocalizedText>>;
}

/** A failing (or unknown) item of a village or county verdict, with what was found. */
export interface ItemBrief {
  readonly id: string;
  readonly label: LocalizedText;
  readonly outcome: string;
  readonly actual: unknown;
  readonly expected: string;
}

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
}

function brief(verdict: Verdict, all: boolean): ItemBrief[] {
  return verdict.items.filter((item) => all || item.outcome !== 'pass').map(({ id, label, outcome, actual, expected }) => ({ id, label, outcome, actual, expected }));
}

function tally(verdicts: readonly Verdict[]): OutcomeCount[] {
  const byStandard = new Map<string, { subjectType: string; counts: Record<string, number>; labels: Record<string, LocalizedText> }>();
  for (const verdict of verdicts) {
    const entry = byStandard.get(verdict.ruleSetId) ?? { subjectType: verdict.subjectType, counts: {}, labels: {} };
    entry.counts[verdict.outcome] = (entry.counts[verdict.outcome] ?? 0) + 1;
    entry.labels[verdict.outcome] = verdict.outcomeLabel;
    byStandard.set(verdict.ruleSetId, entry);
  }
  return [...byStandard.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleSetId, entry]) => ({ ruleSetId, ...entry }));
}

/** Per item, how many of the households' household-exit verdicts fail it. */
function householdItems(verdicts: readonly Verdict[]): VillageOverview['householdItems'] {
  const failing: Record<string, number> = {};
  let judged = 0;
  for (const verdict of verdicts) {
    if (verdict.ruleSetId !== 'household-exit' || verdict.subjectType !== 'household') continue;
    judged += 1;
    for (const item of verdict.items) if (item.outcome === 'fail') failing[item.id] = (failing[item.id] ?? 0) + 1;
  }
  return { judged, failing };
}

function itemLabels(verdicts: readonly Verdict[]): CountyOverview['householdItemLabels'] {
  const labels = new Map<string, LocalizedText>();
  for (const verdict of verdicts) if (verdict.ruleSetId === 'household-exit') for (const item of verdict.items) if (!labels.has(item.id)) labels.set(item.id, item.label);
  return [...labels.entries()].map(([id, label]) => ({ id, label }));
}

function failing(village: VillageOverview): boolean {
  return village.outcome === 'fail';
}

function countyOf(county: County): CountyOverview['county'] {
  return { countyId: county.countyId, name: county.name, province: county.province, region: county.region };
}

/**
 * What a county leader reads first: outcomes per standard over every stored verdict of the
 * quarter's year, each village's village-exit verdict (failing first, then by name) and the
 * county's own verdict. Reads one query per village partition and the county's subject verdicts.
 */
export async function countyOverview(stores: Pick<Stores, 'records' | 'verdicts'>, countyId: string, quarter: string): Promise<CountyOverview> {
  const { year } = parseQuarter(quarter);
  const county = await stores.records.getCounty(countyId);
  if (!county) throw new SubjectNotFoundError('county', countyId);
  const [villages, townships, countyVerdicts] = await Promise.all([
    stores.records.listVillages(countyId),
    stores.records.listTownships(countyId),
    stores.verdicts.getSubjectVerdicts('county', countyId),
  ]);
  const townshipNames = new Map(townships.map((township) => [township.townshipId, township.name]));
  const partitions = await Promise.all(villages.map((village) => stores.verdicts.listPartitionVerdicts(village.villageId, year)));
  const ofYear = countyVerdicts.filter((verdict) => verdict.year === year);
  const views = villages.map((village, index): VillageOverview => {
    const verdict = partitions[index]!.find((found) => found.ruleSetId === 'village-exit' && found.subjectId === village.villageId);
    return {
      villageId: village.villageId,
      name: village.name,
      townshipId: village.townshipId,
      townshipName: townshipNames.get(village.townshipId) ?? null,
      outcome: verdict?.outcome ?? null,
      outcomeLabel: verdict?.outcomeLabel ?? null,
      failingItems: verdict ? brief(verdict, false) : [],
      figures: verdict?.figures ?? {},
      householdItems: householdItems(partitions[index]!),
    };
  });
  views.sort((a, b) => Number(failing(b)) - Number(failing(a)) || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN') || (a.villageId < b.villageId ? -1 : 1));
  const countyExit = ofYear.find((verdict) => verdict.ruleSetId === 'county-exit');
  return {
    county: countyOf(county),
    quarter,
    year,
    outcomes: tally([...partitions.flat(), ...ofYear]),
    villages: views,
    householdItemLabels: itemLabels(partitions.flat()),
    countyVerdict: countyExit ? { outcome: countyExit.outcome, outcomeLabel: countyExit.outcomeLabel, items: brief(countyExit, true), figures: countyExit.figures ?? {} } : null,
  };
}

/** Every county with its name, for the console's county picker. */
export async function listCountyNames(stores: Pick<Stores, 'records'>): Promise<CountyOverview['county'][]> {
  return (await stores.records.listCounties()).map(countyOf);
}
