import type { VerdictTexts } from '../../engine/verdict-texts.js';
import type { LocalizedText } from '../../engine/verdict.js';
import { quarterOrNull } from '../../kernel/quarter.js';
import type { ItemBrief, VillageOverviewTally } from '../../use-cases/reading/village-overview-tally.js';
import { StoreReadError } from './store-errors.js';
import type { VerdictTextSource } from './verdict-text-source.js';

/*
 * The overview a tally carries repeats texts its rule-set versions decide: the outcome labels
 * of each standard, the household-exit items' labels, the village verdict's outcome label and
 * its failing items' labels. Stored, they were most of a tally header (~3 KB of ~3.3 KB on the
 * sample county). A tally names its versions in `versions`, so the stored overview keeps the
 * counts and ids and a reader restores the labels from those versions, as a compact verdict
 * does; when a version is not in the store, or the labels are not the version's, the overview
 * is kept whole.
 */

/** The texts of the tally's versions for its quarter's assessment year, by rule-set id (a version the store lacks is absent). */
export type TallyTexts = ReadonlyMap<string, VerdictTexts>;

export const NO_TALLY_TEXTS: TallyTexts = new Map();

/** Reads the texts of every version a tally names, for the assessment year of its quarter (the year its verdicts were judged for). */
export async function tallyTexts(source: VerdictTextSource | undefined, versions: Readonly<Record<string, number>>, quarter: string): Promise<TallyTexts> {
  const year = quarterOrNull(quarter)?.year;
  if (source === undefined || year === undefined) return NO_TALLY_TEXTS;
  const found = await Promise.all(Object.entries(versions).map(async ([ruleSetId, version]) => [ruleSetId, await source(ruleSetId, version, year)] as const));
  return new Map(found.filter((entry): entry is readonly [string, VerdictTexts] => entry[1] !== null));
}

/** The overview as stored when its labels come from the versions. */
export type StoredOverview = Omit<VillageOverviewTally, 'outcomes' | 'householdItemLabels' | 'village'> & {
  readonly outcomes: readonly Omit<VillageOverviewTally['outcomes'][number], 'labels'>[];
  readonly householdItemLabels: readonly string[];
  readonly village: (Omit<NonNullable<VillageOverviewTally['village']>, 'outcomeLabel' | 'failingItems'> & { readonly failingItems: readonly Omit<ItemBrief, 'label'>[] }) | null;
};

function textOf(texts: TallyTexts, ruleSetId: string, what: string, pick: (t: VerdictTexts) => LocalizedText | undefined): LocalizedText {
  const found = texts.get(ruleSetId);
  const text = found ? pick(found) : undefined;
  if (text === undefined) throw new StoreReadError(`a stored tally's ${what} has no label in its ${ruleSetId} version`);
  return text;
}

const itemLabel = (id: string) => (t: VerdictTexts) => t.items.find((item) => item.id === id)?.label;

/** The overview with the labels its versions give left out, or null when it would not come back byte for byte. */
export function overviewWithoutLabels(overview: VillageOverviewTally, texts: TallyTexts): StoredOverview | null {
  if (texts.size === 0) return null;
  const { village } = overview;
  const stored: StoredOverview = {
    ...overview,
    outcomes: overview.outcomes.map(({ labels: _labels, ...count }) => count),
    householdItemLabels: overview.householdItemLabels.map((entry) => entry.id),
    village: village === null ? null : (({ outcomeLabel: _label, ...rest }) => ({ ...rest, failingItems: village.failingItems.map(({ label: _l, ...item }) => item) }))(village),
  };
  // The promise is byte-identical output: an overview that would not come back exactly keeps its labels.
  try {
    return JSON.stringify(overviewWithLabels(stored, texts)) === JSON.stringify(overview) ? stored : null;
  } catch {
    return null;
  }
}

function villageWithLabels({ outcome, ...rest }: NonNullable<StoredOverview['village']>, texts: TallyTexts): VillageOverviewTally['village'] {
  return {
    outcome,
    outcomeLabel: textOf(texts, 'village-exit', `outcome ${outcome}`, (t) => t.outcomeLabels[outcome]),
    ...rest,
    failingItems: rest.failingItems.map(({ id, ...item }) => ({ id, label: textOf(texts, 'village-exit', `item ${id}`, itemLabel(id)), ...item })),
  };
}

/** The overview as summed, its labels restored from the tally's versions. */
export function overviewWithLabels(stored: StoredOverview, texts: TallyTexts): VillageOverviewTally {
  const { village } = stored;
  return {
    ...stored,
    outcomes: stored.outcomes.map((count) => ({
      ...count,
      labels: Object.fromEntries(Object.keys(count.counts).map((outcome) => [outcome, textOf(texts, count.ruleSetId, `outcome ${outcome}`, (t) => t.outcomeLabels[outcome])])),
    })),
    householdItemLabels: stored.householdItemLabels.map((id) => ({ id, label: textOf(texts, 'household-exit', `item ${id}`, itemLabel(id)) })),
    village: village === null ? null : villageWithLabels(village, texts),
  };
}

