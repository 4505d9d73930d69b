import {
  addDeprivationSums,
  deprivationMeasures,
  groupContribution,
  itemContributions,
  type DeprivationParameters,
  type DeprivationSums,
} from '../../standards/deprivation-profile.js';
import { canonicalJson } from '../../kernel/canonical-json.js';
import { type LocalizedText } from '../../engine/verdict.js';
import { type VillageDeprivation } from './village-overview-tally.js';

/** A group's counts, its H, A and M0, and its share of the county's M0. */
export interface DeprivationGroup {
  readonly households: number;
  /** Households left out for an unknown item. */
  readonly unknown: number;
  readonly counted: number;
  readonly poor: number;
  readonly headcount: number | null;
  readonly intensity: number | null;
  readonly adjustedHeadcount: number | null;
  /** Share of the county's M0 (null when the county's M0 is 0). */
  readonly contribution: number | null;
}

/** The Alkire–Foster profile of a county over the household-exit items (docs/standards.md, "Deprivation profile"). */
export interface CountyDeprivationProfile {
  /** Why there are no measures: the version has no weights, malformed ones, or villages were judged with different ones. */
  readonly unavailable: 'no-parameters' | 'invalid-parameters' | 'mixed-parameters' | null;
  readonly cutoff: number | null;
  readonly totalWeight: number | null;
  /** Per item: weight, censored headcount and contribution to the county's M0. */
  readonly items: readonly { readonly id: string; readonly label: LocalizedText | null; readonly weight: number; readonly censoredHeadcount: number | null; readonly contribution: number | null }[];
  readonly county: DeprivationGroup | null;
  /** By contribution, the largest first. */
  readonly townships: readonly (DeprivationGroup & { readonly townshipId: string; readonly name: string | null })[];
  /** By contribution, the largest first. */
  readonly villages: readonly (DeprivationGroup & { readonly villageId: string; readonly name: string | null; readonly townshipId: string })[];
}

export interface VillageDeprivationInput {
  readonly villageId: string;
  readonly name: string | null;
  readonly townshipId: string;
  readonly townshipName: string | null;
  /** Households of the village judged by household-exit: a village with none has nothing to weigh. */
  readonly judged: number;
  readonly deprivation: VillageDeprivation;
}

function group(parameters: DeprivationParameters, sums: DeprivationSums, whole: DeprivationSums): DeprivationGroup {
  const { households, unknown, counted, poor } = sums;
  return { households, unknown, counted, poor, ...deprivationMeasures(parameters, sums), contribution: groupContribution(sums, whole) };
}

const unavailable = (reason: NonNullable<CountyDeprivationProfile['unavailable']>): CountyDeprivationProfile => ({
  unavailable: reason,
  cutoff: null,
  totalWeight: null,
  items: [],
  county: null,
  townships: [],
  villages: [],
});

function byContribution<T extends DeprivationGroup>(a: T & { name: string | null }, b: T & { name: string | null }): number {
  return (b.contribution ?? 0) - (a.contribution ?? 0) || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN');
}

/**
 * The county's profile from its villages' sums: the county's, each township's and each
 * village's measures and contributions, and M0 broken down by item. The villages must have been
 * counted with the same weights and cut-off, or the sums do not add up and none is given.
 */
export function countyDeprivationProfile(villages: readonly VillageDeprivationInput[], labels: readonly { id: string; label: LocalizedText }[]): CountyDeprivationProfile {
  const weighed = villages.filter((village) => village.judged > 0);
  const problem = weighed.map((village) => village.deprivation).find((found) => 'problem' in found);
  if (problem && 'problem' in problem) return unavailable(problem.problem);
  const counted = weighed as (VillageDeprivationInput & { deprivation: { parameters: DeprivationParameters; sums: DeprivationSums } })[];
  if (counted.length === 0) return unavailable('no-parameters');
  const parameters = counted[0]!.deprivation.parameters;
  if (new Set(counted.map((village) => canonicalJson(village.deprivation.parameters))).size > 1) return unavailable('mixed-parameters');
  const whole = addDeprivationSums(counted.map((village) => village.deprivation.sums));
  const townships = new Map<string, { name: string | null; parts: DeprivationSums[] }>();
  for (const village of counted) {
    const entry = townships.get(village.townshipId) ?? { name: village.townshipName, parts: [] };
    entry.parts.push(village.deprivation.sums);
    townships.set(village.townshipId, entry);
  }
  const labelOf = new Map(labels.map(({ id, label }) => [id, label]));
  return {
    unavailable: null,
    cutoff: parameters.cutoff,
    totalWeight: Object.values(parameters.weights).reduce((a, b) => a + b, 0),
    items: itemContributions(parameters, whole).map((row) => ({ ...row, label: labelOf.get(row.id) ?? null })),
    county: group(parameters, whole, whole),
    townships: [...townships.entries()]
      .map(([townshipId, { name, parts }]) => ({ townshipId, name, ...group(parameters, addDeprivationSums(parts), whole) }))
      .sort(byContribution),
    villages: counted
      .map(({ villageId, name, townshipId, deprivation }) => ({ villageId, name, townshipId, ...group(parameters, deprivation.sums, whole) }))
      .sort(byContribution),
  };
}
