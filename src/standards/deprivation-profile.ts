import type { RuleSet } from '../engine/rule-set-schema.js';
import { TuopinError } from '../kernel/errors.js';
import { type ItemOutcome } from '../engine/verdict.js';

/**
 * The Alkire–Foster counting method over the household-exit items (一超六有): a household is
 * deprived in an item its verdict fails, its deprivation score is the weight of those items,
 * and it counts as multidimensionally poor when the score reaches the cut-off k. The weights
 * and k are parameters of the household-exit rule set (`deprivationWeights`,
 * `deprivationCutoff`), so they are reviewed and published like every threshold.
 */
export interface DeprivationParameters {
  /** Weight of each item, in points; the items weighted are the items of the profile, in this order. */
  readonly weights: Readonly<Record<string, number>>;
  /** k, in the same points: a household whose failing items weigh at least k is poor. */
  readonly cutoff: number;
}

/** The rule set's deprivation parameters are malformed: the profile cannot be drawn from them. */
export class DeprivationParametersError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    detail: string,
  ) {
    super('DEPRIVATION_PARAMETERS_INVALID', `rule set ${ruleSetId}: ${detail}`);
  }
}

/**
 * The weights and cut-off of a household-exit rule set, or null when the version has none (a
 * version published before the profile existed): then no measure is computed, never one with
 * made-up weights. Each weight must name an item of the rule set and be positive; k must lie in
 * (0, total weight].
 */
export function deprivationParameters(ruleSet: Pick<RuleSet, 'id' | 'parameters' | 'items'>): DeprivationParameters | null {
  const weights = ruleSet.parameters.deprivationWeights;
  const cutoff = ruleSet.parameters.deprivationCutoff;
  if (weights === undefined && cutoff === undefined) return null;
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) throw new DeprivationParametersError(ruleSet.id, 'deprivationWeights must map item ids to weights');
  const itemIds = new Set(ruleSet.items.map((item) => item.id));
  const entries = Object.entries(weights as Record<string, unknown>);
  if (entries.length === 0) throw new DeprivationParametersError(ruleSet.id, 'deprivationWeights names no item');
  let total = 0;
  for (const [id, weight] of entries) {
    if (!itemIds.has(id)) throw new DeprivationParametersError(ruleSet.id, `deprivationWeights.${id} names no item of the rule set`);
    if (typeof weight !== 'number' || !(weight > 0)) throw new DeprivationParametersError(ruleSet.id, `deprivationWeights.${id} must be a positive number`);
    total += weight;
  }
  if (typeof cutoff !== 'number' || !(cutoff > 0) || cutoff > total) throw new DeprivationParametersError(ruleSet.id, `deprivationCutoff must be a number above 0 and at most the total weight ${total}`);
  return { weights: weights as Record<string, number>, cutoff };
}

/**
 * Additive sums over a group of households (a village), from which every measure of any union
 * of groups follows: sums of villages add up to their township's and county's.
 */
export interface DeprivationSums {
  /** Households judged by household-exit. */
  readonly households: number;
  /** Of those, households with an item of the profile `unknown`: left out of H, A and M0. */
  readonly unknown: number;
  /** n: households with every item of the profile known. */
  readonly counted: number;
  /** q: counted households whose deprivation score reaches the cut-off. */
  readonly poor: number;
  /** Σ of the poor households' deprivation scores, in weight points (the censored scores). */
  readonly poorScore: number;
  /** Per item, how many poor households fail it (the censored headcount's numerator). */
  readonly poorFailing: Readonly<Record<string, number>>;
}

export const NO_HOUSEHOLDS: DeprivationSums = { households: 0, unknown: 0, counted: 0, poor: 0, poorScore: 0, poorFailing: {} };

/** Sums one group's households, each given by its household-exit item outcomes. */
export function deprivationSums(parameters: DeprivationParameters, households: Iterable<Readonly<Record<string, ItemOutcome>>>): DeprivationSums {
  const ids = Object.keys(parameters.weights);
  let total = 0;
  let unknown = 0;
  let counted = 0;
  let poor = 0;
  let poorScore = 0;
  const poorFailing: Record<string, number> = {};
  for (const items of households) {
    total += 1;
    // An item the verdict does not carry is as unknown as one it judged unknown.
    if (ids.some((id) => items[id] !== 'pass' && items[id] !== 'fail')) {
      unknown += 1;
      continue;
    }
    counted += 1;
    const failing = ids.filter((id) => items[id] === 'fail');
    const score = failing.reduce((sum, id) => sum + parameters.weights[id]!, 0);
    if (score < parameters.cutoff) continue;
    poor += 1;
    poorScore += score;
    for (const id of failing) poorFailing[id] = (poorFailing[id] ?? 0) + 1;
  }
  return { households: total, unknown, counted, poor, poorScore, poorFailing };
}

/** Adds groups' sums (villages into a township or a county). */
export function addDeprivationSums(parts: Iterable<DeprivationSums>): DeprivationSums {
  const poorFailing: Record<string, number> = {};
  let sum = NO_HOUSEHOLDS;
  for (const part of parts) {
    for (const [id, n] of Object.entries(part.poorFailing)) poorFailing[id] = (poorFailing[id] ?? 0) + n;
    sum = {
      households: sum.households + part.households,
      unknown: sum.unknown + part.unknown,
      counted: sum.counted + part.counted,
      poor: sum.poor + part.poor,
      poorScore: sum.poorScore + part.poorScore,
      poorFailing,
    };
  }
  return { ...sum, poorFailing };
}

/** H, A and M0 of a group; null where the denominator is empty (no counted or no poor household). */
export interface DeprivationMeasures {
  /** Headcount ratio H = q / n. */
  readonly headcount: number | null;
  /** Intensity A: the poor's average deprivation share (score over the total weight). */
  readonly intensity: number | null;
  /** Adjusted headcount M0 = H × A: the counted households' average censored deprivation share. */
  readonly adjustedHeadcount: number | null;
}

/** The measures of a group from its sums. */
export function deprivationMeasures(parameters: DeprivationParameters, sums: DeprivationSums): DeprivationMeasures {
  const totalWeight = Object.values(parameters.weights).reduce((a, b) => a + b, 0);
  const shares = sums.poorScore / totalWeight;
  return {
    headcount: sums.counted > 0 ? sums.poor / sums.counted : null,
    intensity: sums.poor > 0 ? shares / sums.poor : null,
    adjustedHeadcount: sums.counted > 0 ? shares / sums.counted : null,
  };
}

/**
 * M0 broken down by item: per item, the censored headcount h_j (share of counted households
 * that are poor and fail it) and its contribution w_j·h_j / (Σw · M0), which add up to 1.
 * Contributions are null when M0 is 0 (nobody is poor: nothing to break down).
 */
export function itemContributions(parameters: DeprivationParameters, sums: DeprivationSums): { id: string; weight: number; censoredHeadcount: number | null; contribution: number | null }[] {
  return Object.entries(parameters.weights).map(([id, weight]) => {
    const failing = sums.poorFailing[id] ?? 0;
    return {
      id,
      weight,
      censoredHeadcount: sums.counted > 0 ? failing / sums.counted : null,
      contribution: sums.poorScore > 0 ? (weight * failing) / sums.poorScore : null,
    };
  });
}

/**
 * A group's share of the whole's M0 (n_g·M0_g / n·M0, which is its share of the poor's scores);
 * the shares of a partition of the whole (villages, townships) add up to 1. Null when M0 is 0.
 */
export function groupContribution(group: DeprivationSums, whole: DeprivationSums): number | null {
  return whole.poorScore > 0 ? group.poorScore / whole.poorScore : null;
}
