import { describe, expect, it } from 'vitest';
import { quarterOf } from '../../functions/_shared/quarter-of.js';

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
