import { describe, expect, it } from 'vitest';
import type { HouseholdExitSummary } from '../../../../src/standards/accountability/accountability-input.js';
import { householdsAgainst, indicatorRules, tallyIndicators } from '../../../../src/standards/accountability/indicators.js';
import { aHouseholdSummary, anExit } from '../../../helpers/builders.js';
import { YEAR, someParameters } from './builders.js';

function tally(households: HouseholdExitSummary[], parameters = someParameters()) {
  return tallyIndicators(households, indicatorRules(parameters, YEAR));
}

describe('exit-target', () => {
  it('is the share of registered households planned to exit this year that pass household-exit', () => {
    const result = tally([
      aHouseholdSummary({ exit: anExit() }),
      aHouseholdSummary({ status: 'exited', exit: anExit() }),
      aHouseholdSummary({ exit: anExit({ income: 'fail' }) }),
      aHouseholdSummary({ status: 'returned', exit: anExit({ water: 'unknown' }) }),
    ]);
    expect(result['exit-target']).toEqual({ numerator: 2, denominator: 4, emptyDenominator: false, value: 0.5 });
  });

  it('leaves out households planned for another year, without a plan, or not registered', () => {
    const result = tally([
      aHouseholdSummary({ plannedExitYear: YEAR - 1, exit: anExit({ income: 'fail' }) }),
      aHouseholdSummary({ plannedExitYear: null, exit: anExit({ income: 'fail' }) }),
      aHouseholdSummary({ status: 'applicant', exit: null }),
      aHouseholdSummary({ status: 'non-poor', exit: null }),
      aHouseholdSummary(),
    ]);
    expect(result['exit-target']).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });
});

describe('assurances', () => {
  it('passes a registered household only when education, medical, housing and water all pass', () => {
    const result = tally([
      aHouseholdSummary({ plannedExitYear: null, exit: anExit({ income: 'fail', electricity: 'fail' }) }),
      aHouseholdSummary({ exit: anExit({ medical: 'fail' }) }),
      aHouseholdSummary({ status: 'exited', exit: anExit({ housing: 'unknown' }) }),
      aHouseholdSummary({ status: 'returned' }),
      aHouseholdSummary({ status: 'applicant', exit: null }),
    ]);
    expect(result.assurances).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it('does not pass a household whose verdict lacks one of the assurance items', () => {
    const exit = anExit();
    const { water: _water, ...items } = exit.items;
    expect(tally([aHouseholdSummary({ exit: { outcome: 'pass', items } })]).assurances).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('reads the assurance items from the parameters', () => {
    const parameters = someParameters({ assuranceItems: ['education'] });
    expect(tally([aHouseholdSummary({ exit: anExit({ water: 'fail' }) })], parameters).assurances.value).toBe(1);
  });
});

describe('stability', () => {
  it('is the share of exited households whose household-exit verdict is not fail', () => {
    const result = tally([
      aHouseholdSummary({ status: 'exited', exit: anExit() }),
      aHouseholdSummary({ status: 'exited', exit: anExit({ income: 'unknown' }) }),
      aHouseholdSummary({ status: 'exited', exit: anExit({ housing: 'fail' }) }),
      aHouseholdSummary({ status: 'poor', exit: anExit({ housing: 'fail' }) }),
    ]);
    expect(result.stability).toMatchObject({ numerator: 2, denominator: 3 });
    expect(result.stability.value).toBeCloseTo(2 / 3, 15);
  });
});

describe('data-quality', () => {
  it('is the share of registered households whose verdict has no unknown item, fails included', () => {
    const result = tally([
      aHouseholdSummary({ exit: anExit({ income: 'fail' }) }),
      aHouseholdSummary({ status: 'exited', exit: anExit({ 'radio-tv': 'unknown' }) }),
      aHouseholdSummary({ status: 'returned', exit: anExit({ income: 'fail', medical: 'unknown' }) }),
      aHouseholdSummary({ status: 'non-poor', exit: null }),
    ]);
    expect(result['data-quality']).toMatchObject({ numerator: 1, denominator: 3 });
  });
});

describe('empty denominators', () => {
  it('give every indicator full marks and say so', () => {
    const result = tally([aHouseholdSummary({ status: 'non-poor', exit: null }), aHouseholdSummary({ status: 'applicant', exit: null })]);
    for (const detail of Object.values(result)) {
      expect(detail).toEqual({ numerator: 0, denominator: 0, emptyDenominator: true, value: 1 });
    }
  });

  it('give full marks to one indicator while the others are counted', () => {
    const result = tally([aHouseholdSummary({ plannedExitYear: YEAR + 1, exit: anExit({ water: 'fail' }) })]);
    expect(result['exit-target']).toMatchObject({ emptyDenominator: true, value: 1 });
    expect(result.stability).toMatchObject({ emptyDenominator: true, value: 1 });
    expect(result.assurances).toMatchObject({ emptyDenominator: false, value: 0 });
  });
});

describe('a registered household without a household-exit verdict', () => {
  it('counts against every indicator that counts it', () => {
    const result = tally([aHouseholdSummary({ status: 'exited', exit: null })]);
    for (const detail of Object.values(result)) expect(detail).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe('statuses', () => {
  it('come from the parameters', () => {
    const parameters = someParameters({ registeredStatuses: ['poor'], exitedStatuses: ['exited', 'non-poor'] });
    const result = tally(
      [
        aHouseholdSummary({ status: 'exited', exit: anExit({ water: 'fail' }) }),
        aHouseholdSummary({ status: 'non-poor', exit: anExit({ income: 'fail' }) }),
        aHouseholdSummary({ status: 'poor' }),
      ],
      parameters,
    );
    expect(result.assurances).toMatchObject({ numerator: 1, denominator: 1 });
    expect(result.stability).toMatchObject({ numerator: 0, denominator: 2 });
  });
});

describe('householdsAgainst', () => {
  it('returns the counted households that do not pass, and no others', () => {
    const failing = aHouseholdSummary({ exit: anExit({ income: 'fail' }) });
    const uncounted = aHouseholdSummary({ status: 'applicant', exit: null });
    const rules = indicatorRules(someParameters(), YEAR);
    expect(householdsAgainst([aHouseholdSummary(), failing, uncounted], rules['exit-target'])).toEqual([failing]);
  });
});
