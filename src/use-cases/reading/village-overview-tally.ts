import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { Verdict } from '../../engine/verdict.js';
import { deprivationParameters, deprivationSums, DeprivationParametersError, type DeprivationParameters, type DeprivationSums } from '../../standards/deprivation-profile.js';
import { type LocalizedText, type ItemOutcome } from '../../engine/verdict.js';

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

/** The deprivation sums of a village, with the weights and cut-off they were counted with. */
export type VillageDeprivation =
  | { readonly parameters: DeprivationParameters; readonly sums: DeprivationSums }
  | { readonly problem: 'no-parameters' | 'invalid-parameters'; readonly detail?: string };

/**
 * Everything the county overview needs of one village, summed from the village's verdicts when
 * it is scored and kept with its tally: the overview then reads one tally query per county
 * instead of every household verdict of every village.
 */
export interface VillageOverviewTally {
  /** Outcomes per standard over the village partition's verdicts (its households and itself), by rule-set id. */
  readonly outcomes: readonly OutcomeCount[];
  /** Of the households judged by household-exit, how many fail each item (the heatmap). */
  readonly householdItems: { readonly judged: number; readonly failing: Readonly<Record<string, number>> };
  /** The household-exit items in rule-set order, with their labels as the verdicts show them. */
  readonly householdItemLabels: readonly { readonly id: string; readonly label: LocalizedText }[];
  /** The village-exit verdict in brief, or null when the partition holds none. */
  readonly village: { readonly outcome: string; readonly outcomeLabel: LocalizedText; readonly failingItems: readonly ItemBrief[]; readonly figures: Readonly<Record<string, number | null>> } | null;
  readonly deprivation: VillageDeprivation;
}

export function brief(verdict: Verdict, all: boolean): ItemBrief[] {
  return verdict.items.filter((item) => all || item.outcome !== 'pass').map(({ id, label, outcome, actual, expected }) => ({ id, label, outcome, actual, expected }));
}

/** Outcome counts per standard, sorted by rule-set id. */
export function countOutcomes(verdicts: Iterable<Verdict>): OutcomeCount[] {
  const byStandard = new Map<string, { subjectType: string; counts: Record<string, number>; labels: Record<string, LocalizedText> }>();
  for (const verdict of verdicts) {
    const entry = byStandard.get(verdict.ruleSetId) ?? { subjectType: verdict.subjectType, counts: {}, labels: {} };
    entry.counts[verdict.outcome] = (entry.counts[verdict.outcome] ?? 0) + 1;
    entry.labels[verdict.outcome] = verdict.outcomeLabel;
    byStandard.set(verdict.ruleSetId, entry);
  }
  return [...byStandard.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleSetId, entry]) => ({ ruleSetId, ...entry }));
}

/** Adds outcome counts of several villages (and the county's own) into one per standard. */
export function addOutcomeCounts(parts: Iterable<readonly OutcomeCount[]>): OutcomeCount[] {
  const byStandard = new Map<string, { subjectType: string; counts: Record<string, number>; labels: Record<string, LocalizedText> }>();
  for (const part of parts) {
    for (const count of part) {
      const entry = byStandard.get(count.ruleSetId) ?? { subjectType: count.subjectType, counts: {}, labels: {} };
      for (const [outcome, n] of Object.entries(count.counts)) entry.counts[outcome] = (entry.counts[outcome] ?? 0) + n;
      Object.assign(entry.labels, count.labels);
      byStandard.set(count.ruleSetId, entry);
    }
  }
  return [...byStandard.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ruleSetId, entry]) => ({ ruleSetId, ...entry }));
}

/** The deprivation parameters of a household-exit version, or why there are none to use. */
export function deprivationOf(ruleSet: Pick<RuleSet, 'id' | 'parameters' | 'items'> | null): { parameters: DeprivationParameters } | Exclude<VillageDeprivation, { sums: DeprivationSums }> {
  if (!ruleSet) return { problem: 'no-parameters' };
  try {
    const parameters = deprivationParameters(ruleSet);
    return parameters ? { parameters } : { problem: 'no-parameters' };
  } catch (error) {
    // A malformed profile parameter must not stop the scoring of a village: the profile says why it is missing.
    if (error instanceof DeprivationParametersError) return { problem: 'invalid-parameters', detail: error.message };
    throw error;
  }
}

/**
 * Sums one village's partition verdicts (its households' and its own, of one year) for the
 * overview. `householdExit` is the household-exit version that judged them (its deprivation
 * weights and cut-off); the same function serves the tally and a read of older data.
 */
export function villageOverviewTally(villageId: string, verdicts: readonly Verdict[], householdExit: Pick<RuleSet, 'id' | 'parameters' | 'items'> | null): VillageOverviewTally {
  const exits = verdicts.filter((verdict) => verdict.ruleSetId === 'household-exit' && verdict.subjectType === 'household');
  const failing: Record<string, number> = {};
  const labels = new Map<string, LocalizedText>();
  for (const verdict of exits) {
    for (const item of verdict.items) {
      if (item.outcome === 'fail') failing[item.id] = (failing[item.id] ?? 0) + 1;
      if (!labels.has(item.id)) labels.set(item.id, item.label);
    }
  }
  const villageExit = verdicts.find((verdict) => verdict.ruleSetId === 'village-exit' && verdict.subjectId === villageId);
  const found = deprivationOf(householdExit);
  const itemsOf = (verdict: Verdict): Record<string, ItemOutcome> => Object.fromEntries(verdict.items.map((item) => [item.id, item.outcome]));
  return {
    outcomes: countOutcomes(verdicts),
    householdItems: { judged: exits.length, failing },
    householdItemLabels: [...labels.entries()].map(([id, label]) => ({ id, label })),
    village: villageExit ? { outcome: villageExit.outcome, outcomeLabel: villageExit.outcomeLabel, failingItems: brief(villageExit, false), figures: villageExit.figures ?? {} } : null,
    deprivation: 'parameters' in found ? { parameters: found.parameters, sums: deprivationSums(found.parameters, exits.map(itemsOf)) } : found,
  };
}
