import type { LocalizedText } from '../../../../src/engine/verdict.js';
import {
  parseAccountabilityParameters,
  type AccountabilityParameters,
} from '../../../../src/standards/accountability/accountability-parameters.js';

/**
 * Fixtures of the accountability tests: the quarter they run in, the v1 parameters and the
 * indicator labels. Households, units and cards come from the one builder module
 * (`test/helpers/builders.ts`: `aHouseholdSummary`, `anAccountableUnit`, `aCardRecord`, `anExit`).
 */

/** The assessment year of the quarter most tests run in. */
export const YEAR = 2018;
export const QUARTER = '2018Q3';

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
