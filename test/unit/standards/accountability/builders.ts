import type { LocalizedText } from '../../../../src/engine/localized-text.js';
import type { ItemOutcome } from '../../../../src/engine/outcome.js';
import type { AccountableUnit, Card, CardRecord, HouseholdExitSummary } from '../../../../src/standards/accountability/accountability-input.js';
import {
  parseAccountabilityParameters,
  type AccountabilityParameters,
} from '../../../../src/standards/accountability/accountability-parameters.js';

/** The assessment year of the quarter most tests run in. */
export const YEAR = 2018;
export const QUARTER = '2018Q3';

const ITEM_IDS = ['income', 'education', 'medical', 'housing', 'water', 'electricity', 'radio-tv', 'not-new-this-year'];

/** A household-exit verdict: every item passes unless overridden; the outcome follows the three-valued AND. */
export function anExit(overrides: Record<string, ItemOutcome> = {}): NonNullable<HouseholdExitSummary['exit']> {
  const items: Record<string, ItemOutcome> = Object.fromEntries(ITEM_IDS.map((id) => [id, 'pass' as ItemOutcome]));
  Object.assign(items, overrides);
  const values = Object.values(items);
  const outcome: ItemOutcome = values.includes('fail') ? 'fail' : values.includes('unknown') ? 'unknown' : 'pass';
  return { outcome, items };
}

let householdCounter = 0;

/** A poor household of village V1, planned to exit this year, passing everything. */
export function aHousehold(overrides: Partial<HouseholdExitSummary> = {}): HouseholdExitSummary {
  householdCounter += 1;
  return {
    householdId: `H${String(householdCounter).padStart(5, '0')}`,
    villageId: 'V1',
    status: 'poor',
    plannedExitYear: YEAR,
    exit: anExit(),
    ...overrides,
  };
}

/** A township of county C1 answering for village V1, with a known principal. */
export function aUnit(overrides: Partial<AccountableUnit> = {}): AccountableUnit {
  const unitId = overrides.unitId ?? 'T1';
  return {
    unitType: 'township',
    unitId,
    countyId: 'C1',
    name: `乡${unitId}`,
    principal: { name: `书记${unitId}`, title: '乡镇党委书记' },
    villageIds: ['V1'],
    ...overrides,
  };
}

/** The parameters of `rules/accountability/v1.json`, optionally overridden section by section. */
export function someParameters(overrides: Record<string, unknown> = {}): AccountabilityParameters {
  return parseAccountabilityParameters({ ...v1ParametersJson(), ...overrides });
}

/** The raw JSON of the v1 parameters, for the parser's own tests. */
export function v1ParametersJson(): Record<string, unknown> {
  return {
    weights: { 'exit-target': 40, assurances: 30, stability: 20, 'data-quality': 10 },
    registeredStatuses: ['poor', 'returned', 'exited'],
    exitedStatuses: ['exited'],
    assuranceItems: ['education', 'medical', 'housing', 'water'],
    scoreDecimals: 2,
    redFlag: { top: 3, minScore: 90 },
    yellowCard: { bottom: 3, belowScore: 80, alwaysBelow: 60 },
    interview: { count: 2, mode: 'consecutive' },
    resignation: { count: 3, mode: 'total-in-year' },
  };
}

/** Indicator labels as the rule set's `indicators` would give them. */
export function someLabels(): Record<string, LocalizedText> {
  return {
    'exit-target': { zh: '当年计划脱贫户达标', en: 'planned exits achieved' },
    assurances: { zh: '两不愁三保障', en: 'assurances met' },
    stability: { zh: '已脱贫户稳定', en: 'exited households stable' },
    'data-quality': { zh: '数据完整', en: 'data complete' },
  };
}

/** A stored card of a township (or of another unit type). */
export function aCard(unitId: string, quarter: string, card: Card | null = 'yellow-card', unitType: CardRecord['unitType'] = 'township'): CardRecord {
  return { unitType, unitId, quarter, card };
}
