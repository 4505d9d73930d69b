import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfUp } from '../../../../src/standards/accountability/round-half-up.js';

describe('roundHalfUp', () => {
  it('rounds a decimal stored just below its half-way point up, as the decimal it stands for', () => {
    // 72.345 is stored as 72.34499999999999886…; toFixed would give 72.34.
    expect(roundHalfUp(72.345, 2)).toBe(72.35);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(8.345, 2)).toBe(8.35);
  });

  it('does not let arithmetic noise flip a rounding', () => {
    expect(0.145 * 100).toBeLessThan(14.5);
    expect(roundHalfUp(0.145 * 100, 0)).toBe(15);
    expect(roundHalfUp(1.255 * 100, 0)).toBe(126);
    expect(roundHalfUp(4.35 * 100, 0)).toBe(435);
    expect(roundHalfUp(0.1 * 3, 2)).toBe(0.3);
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundHalfUp(1.1 * 3, 2)).toBe(3.3);
  });

  it('rounds a score made of weighted fractions like the decimal sum', () => {
    expect(roundHalfUp(90 + 10 * (21 / 2000), 2)).toBe(90.11);
    expect(roundHalfUp(40 * (1 / 3) + 60, 2)).toBe(73.33);
    expect(roundHalfUp(40 * (2 / 3) + 60, 2)).toBe(86.67);
  });

  it('rounds values genuinely below the half-way point down', () => {
    expect(roundHalfUp(72.3449, 2)).toBe(72.34);
    expect(roundHalfUp(72.344999, 2)).toBe(72.34);
    expect(roundHalfUp(0.0049, 2)).toBe(0);
  });

  it('rounds exact halves up and halves of negatives away from zero', () => {
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(3.5, 0)).toBe(4);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(-72.345, 2)).toBe(-72.35);
  });

  it('leaves values already at the precision unchanged', () => {
    expect(roundHalfUp(53.43, 2)).toBe(53.43);
    expect(roundHalfUp(100, 2)).toBe(100);
    expect(roundHalfUp(70, 0)).toBe(70);
    expect(roundHalfUp(123.456789, 4)).toBe(123.4568);
    expect(roundHalfUp(123.456789, 8)).toBe(123.456789);
  });

  it('handles zero, negative zero, tiny and huge numbers', () => {
    expect(roundHalfUp(0, 2)).toBe(0);
    expect(Object.is(roundHalfUp(-0, 2), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0.001, 2), 0)).toBe(true);
    expect(roundHalfUp(1e-20, 2)).toBe(0);
    expect(roundHalfUp(0.005, 2)).toBe(0.01);
    expect(roundHalfUp(1e21, 2)).toBe(1e21);
    expect(roundHalfUp(123456789012.345, 2)).toBe(123456789012.35);
  });

  it('returns non-finite numbers unchanged and refuses a bad number of decimals', () => {
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
    expect(roundHalfUp(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(() => roundHalfUp(1.5, -1)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 1.5)).toThrow(RangeError);
  });

  it('rounds every written half-way decimal up, whatever its binary form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 4 }), (k, decimals) => {
        const half = Number(`${10 * k + 5}e-${decimals + 1}`);
        expect(roundHalfUp(half, decimals)).toBe(Number(`${k + 1}e-${decimals}`));
      }),
    );
  });

  it('is idempotent and never moves a value by more than half a unit of the last decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, decimals) => {
        const rounded = roundHalfUp(x, decimals);
        expect(roundHalfUp(rounded, decimals)).toBe(rounded);
        expect(Math.abs(rounded - x)).toBeLessThanOrEqual(0.5 * 10 ** -decimals * (1 + 1e-9) + 1e-9);
      }),
    );
  });
});
