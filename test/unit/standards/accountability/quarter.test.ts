import { describe, expect, it } from 'vitest';
import { AccountabilityInputError } from '../../../../src/standards/accountability/accountability-input-error.js';
import { Quarter } from '../../../../src/standards/accountability/quarter.js';

describe('Quarter', () => {
  it('parses a quarter into its year and number', () => {
    expect(Quarter.parse('2018Q3')).toMatchObject({ year: 2018, quarter: 3, text: '2018Q3' });
  });

  it('numbers quarters consecutively across a year boundary', () => {
    const first = Quarter.parse('2018Q1');
    expect(Quarter.fromOrdinal(first.ordinal - 1).text).toBe('2017Q4');
    expect(Quarter.parse('2017Q4').ordinal + 1).toBe(first.ordinal);
    expect(Quarter.firstOrdinalOfYear(2018)).toBe(first.ordinal);
  });

  it.each(['2018Q0', '2018Q5', '2018-Q3', '18Q3', '2018q3', ' 2018Q3', ''])('rejects %j', (text) => {
    expect(() => Quarter.parse(text)).toThrow(AccountabilityInputError);
  });
});
