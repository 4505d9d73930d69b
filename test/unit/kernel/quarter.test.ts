import { describe, expect, it } from 'vitest';
import { QuarterInvalidError, TuopinError } from '../../../src/kernel/errors.js';
import { compareQuarters, firstOrdinalOfYear, formatQuarter, lastDayOfQuarter, nextQuarter, parseQuarter, previousQuarter, quarterFromOrdinal, quarterOf, quarterOrNull } from '../../../src/kernel/quarter.js';
import { QuarterSchema } from '../../../src/kernel/quarter-schema.js';

const MALFORMED = ['2018Q0', '2018Q5', '2018-Q3', '18Q3', '2018q3', ' 2018Q3', '2018Q3 ', 'Q3 2018', ''];

describe('a quarter', () => {
  it('parses into its year and number, and formats back to the same text', () => {
    expect(parseQuarter('2018Q3')).toMatchObject({ year: 2018, quarter: 3, text: '2018Q3' });
    expect(formatQuarter(2018, 3)).toBe('2018Q3');
    for (const text of ['1999Q1', '2018Q4', '2020Q2']) expect(quarterFromOrdinal(parseQuarter(text).ordinal).text).toBe(text);
  });

  it.each(MALFORMED)('rejects %j with a typed error, and the schema and the safe reader agree', (text) => {
    expect(() => parseQuarter(text)).toThrow(QuarterInvalidError);
    expect(quarterOrNull(text)).toBeNull();
    expect(QuarterSchema.safeParse(text).success).toBe(false);
  });

  it('fails with a stable code on the common error base', () => {
    const error = (() => {
      try {
        parseQuarter('2018-3');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TuopinError);
    expect(error).toMatchObject({ code: 'QUARTER_INVALID', message: 'quarter "2018-3" is not like 2018Q3' });
  });

  it('steps to the next and previous quarter across a year boundary', () => {
    expect(nextQuarter(parseQuarter('2018Q4')).text).toBe('2019Q1');
    expect(nextQuarter(parseQuarter('2018Q2')).text).toBe('2018Q3');
    expect(previousQuarter(parseQuarter('2018Q1')).text).toBe('2017Q4');
    expect(previousQuarter(parseQuarter('2018Q3')).text).toBe('2018Q2');
    expect(firstOrdinalOfYear(2018)).toBe(parseQuarter('2018Q1').ordinal);
  });

  it('orders by time, not by text position', () => {
    const sorted = ['2019Q1', '2018Q4', '2017Q2', '2018Q1'].map(parseQuarter).sort(compareQuarters).map((q) => q.text);
    expect(sorted).toEqual(['2017Q2', '2018Q1', '2018Q4', '2019Q1']);
    expect(compareQuarters(parseQuarter('2018Q2'), parseQuarter('2018Q2'))).toBe(0);
  });

  it('ends on the last day of its last month, the as-of date of a run', () => {
    expect(['2018Q1', '2018Q2', '2018Q3', '2018Q4'].map(lastDayOfQuarter)).toEqual(['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31']);
  });
});

describe('the quarter of an instant', () => {
  it('is read on the wall clock of the time zone: 02:00 on 1 January in Shanghai is still December in UTC', () => {
    const instant = new Date('2018-12-31T18:00:00Z');
    expect(quarterOf(instant, 'Asia/Shanghai')).toBe('2019Q1');
    expect(quarterOf(instant, 'UTC')).toBe('2018Q4');
  });

  it('numbers the quarters by their months', () => {
    expect(['01', '03', '04', '06', '07', '09', '10', '12'].map((m) => quarterOf(new Date(`2020-${m}-15T12:00:00Z`), 'UTC'))).toEqual([
      '2020Q1', '2020Q1', '2020Q2', '2020Q2', '2020Q3', '2020Q3', '2020Q4', '2020Q4',
    ]);
  });
});
