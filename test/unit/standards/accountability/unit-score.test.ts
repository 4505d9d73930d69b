import { describe, expect, it } from 'vitest';
import { pointsLost, unitScore, type IndicatorId, type IndicatorTally } from '../../../../src/standards/accountability/indicators.js';
import { someParameters } from './builders.js';

function share(numerator: number, denominator: number): IndicatorTally {
  return { numerator, denominator, emptyDenominator: denominator === 0, value: denominator === 0 ? 1 : numerator / denominator };
}

function tallies(overrides: Partial<Record<IndicatorId, IndicatorTally>> = {}): Record<IndicatorId, IndicatorTally> {
  return { 'exit-target': share(1, 1), assurances: share(1, 1), stability: share(1, 1), 'data-quality': share(1, 1), ...overrides };
}

describe('unitScore', () => {
  it('gives the sum of the weights when every indicator is full', () => {
    expect(unitScore(tallies(), someParameters())).toBe(100);
  });

  it('weights each indicator by the rule set', () => {
    expect(unitScore(tallies({ 'exit-target': share(1, 2) }), someParameters())).toBe(80);
    expect(unitScore(tallies({ assurances: share(0, 4) }), someParameters())).toBe(70);
    expect(unitScore(tallies({ stability: share(3, 4) }), someParameters())).toBe(95);
    expect(unitScore(tallies({ 'data-quality': share(0, 1) }), someParameters())).toBe(90);
    const weights = { 'exit-target': 10, assurances: 10, stability: 10, 'data-quality': 70 };
    expect(unitScore(tallies({ 'data-quality': share(0, 1) }), someParameters({ weights }))).toBe(30);
  });

  it('rounds the unrounded sum half up to the rule set decimals', () => {
    expect(unitScore(tallies({ 'exit-target': share(1, 3) }), someParameters())).toBe(73.33);
    expect(unitScore(tallies({ 'exit-target': share(2, 3) }), someParameters())).toBe(86.67);
    // 90 + 10 × 21/2000 = 90.105 exactly in decimals, a hair below it in binary.
    expect(unitScore(tallies({ 'data-quality': share(21, 2000) }), someParameters())).toBe(90.11);
    expect(unitScore(tallies({ 'data-quality': share(21, 2000) }), someParameters({ scoreDecimals: 0 }))).toBe(90);
  });

  it('counts an empty denominator as full marks', () => {
    expect(unitScore(tallies({ 'exit-target': share(0, 0), stability: share(0, 0) }), someParameters())).toBe(100);
  });
});

describe('pointsLost', () => {
  it('is the weight times the missing share', () => {
    expect(pointsLost('assurances', 0.25, someParameters())).toBe(22.5);
    expect(pointsLost('stability', 1, someParameters())).toBe(0);
  });
});
