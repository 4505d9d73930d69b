import { RuleSetInvalidError } from '../../engine/errors.js';
import type { LocalizedText } from '../../engine/verdict.js';
import type { AccountableUnit, CardRecord, HouseholdExitSummary } from './accountability-input.js';
import { LIST_NAMES, type AccountabilityRun, type ListReason, type ListRow, type ScoreRow } from './accountability-output.js';
import type { AccountabilityParameters } from './accountability-parameters.js';
import { assignCards } from './assign-cards.js';
import { indexCardHistory, unitKey } from './card-history-index.js';
import { compareText } from '../../kernel/text.js';
import { escalate } from './escalation.js';
import { INDICATOR_IDS, indicatorRules, tallyIndicators, unitScore, type IndicatorId } from './indicators.js';
import { listReasons } from './list-reasons.js';
import { listRows } from './list-rows.js';
import { AccountabilityInputError } from './accountability-input.js';
import { inputQuarter } from './card-history-index.js';

export interface AccountabilityInput {
  /** The run's quarter, e.g. `2018Q3`; its year is the assessment year. */
  readonly quarter: string;
  readonly units: readonly AccountableUnit[];
  /** Households of the units' villages, any status (others are ignored). */
  readonly households: Iterable<HouseholdExitSummary>;
  /** Stored cards of earlier quarters. */
  readonly history: Iterable<CardRecord>;
  readonly parameters: AccountabilityParameters;
  /** The rule set's indicator labels by indicator id. */
  readonly indicatorLabels: Readonly<Record<string, LocalizedText>>;
}

function requireLabels(labels: Readonly<Record<string, LocalizedText>>): Record<IndicatorId, LocalizedText> {
  const missing = INDICATOR_IDS.filter((id) => !Object.hasOwn(labels, id));
  if (missing.length > 0) {
    throw new RuleSetInvalidError(
      'accountability',
      missing.map((id) => ({ path: 'indicators', message: `indicator ${id} has no label` })),
    );
  }
  return Object.fromEntries(INDICATOR_IDS.map((id) => [id, labels[id]!])) as Record<IndicatorId, LocalizedText>;
}

function requireDistinct(units: readonly AccountableUnit[]): void {
  const seen = new Set<string>();
  for (const unit of units) {
    const key = unitKey(unit.unitType, unit.unitId);
    if (seen.has(key)) throw new AccountabilityInputError(`unit ${key} is listed twice`);
    seen.add(key);
  }
}

const byUnit = (a: { unitType: string; unitId: string }, b: { unitType: string; unitId: string }): number =>
  compareText(a.unitType, b.unitType) || compareText(a.unitId, b.unitId);

const byListThenUnit = (a: ListRow, b: ListRow): number => LIST_NAMES.indexOf(a.list) - LIST_NAMES.indexOf(b.list) || byUnit(a, b);

/**
 * The quarterly accountability roll-up (standards.md §7): scores every township and assisting
 * unit on its villages' households, hands out red flags and yellow cards among peers of the
 * same type and county, escalates yellow cards against the card history, and lists the
 * officials to interview or to ask to resign. Pure and deterministic: the same input gives
 * the same output, sorted.
 */
export function runAccountability(input: AccountabilityInput): AccountabilityRun {
  const quarter = inputQuarter(input.quarter);
  const { parameters } = input;
  const labels = requireLabels(input.indicatorLabels);
  requireDistinct(input.units);
  const rules = indicatorRules(parameters, quarter.year);
  const households = new HouseholdsByVillage(input.households);

  const scored = input.units.map((unit) => {
    const tallies = tallyIndicators(households.of(unit.villageIds), rules);
    return { unit, key: unitKey(unit.unitType, unit.unitId), tallies, score: unitScore(tallies, parameters) };
  });
  const cards = assignCards(
    scored.map(({ unit, key, score }) => ({ key, unitType: unit.unitType, countyId: unit.countyId, score })),
    parameters,
  );
  const history = indexCardHistory(input.history, quarter);

  const scores: ScoreRow[] = [];
  const lists: ListRow[] = [];
  const cardRecords: CardRecord[] = [];
  for (const { unit, key, tallies, score } of scored) {
    const card = cards.get(key) ?? null;
    const escalation = escalate(history.get(key), quarter, card);
    scores.push({
      unitType: unit.unitType,
      unitId: unit.unitId,
      countyId: unit.countyId,
      quarter: quarter.text,
      score,
      indicators: Object.fromEntries(INDICATOR_IDS.map((id) => [id, tallies[id].value])) as ScoreRow['indicators'],
      card,
      consecutiveYellow: escalation.consecutiveYellow,
      yellowThisYear: escalation.yellowThisYear,
      details: Object.fromEntries(
        INDICATOR_IDS.map((id) => {
          const { numerator, denominator, emptyDenominator } = tallies[id];
          return [id, { numerator, denominator, emptyDenominator }];
        }),
      ) as ScoreRow['details'],
    });
    cardRecords.push({ unitType: unit.unitType, unitId: unit.unitId, quarter: quarter.text, card });
    let reasons: ListReason[] | undefined;
    const reasonsOnce = (): ListReason[] =>
      (reasons ??= listReasons(() => households.of(unit.villageIds), tallies, rules, parameters, labels));
    lists.push(...listRows(unit, quarter, card, escalation, parameters, reasonsOnce));
  }
  return { scores: scores.sort(byUnit), lists: lists.sort(byListThenUnit), cards: cardRecords.sort(byUnit) };
}

/** Households grouped by village, built once per run so every unit reads only its own villages. */
export class HouseholdsByVillage {
  private readonly byVillage = new Map<string, HouseholdExitSummary[]>();

  constructor(households: Iterable<HouseholdExitSummary>) {
    for (const household of households) {
      const list = this.byVillage.get(household.villageId);
      if (list) list.push(household);
      else this.byVillage.set(household.villageId, [household]);
    }
  }

  /** The households of these villages; a village listed twice is read once. */
  *of(villageIds: readonly string[]): Generator<HouseholdExitSummary> {
    for (const villageId of new Set(villageIds)) yield* this.byVillage.get(villageId) ?? [];
  }
}
