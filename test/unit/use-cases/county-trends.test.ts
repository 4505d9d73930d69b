import { describe, expect, it } from 'vitest';
import { quartersUntil, TREND_QUARTERS } from '../../../src/use-cases/reading/county-trends.js';

describe('the window of a county trend', () => {
  it('is the quarters ending with the one shown, oldest first, across year boundaries', () => {
    expect(quartersUntil('2019Q2', 4)).toEqual(['2018Q3', '2018Q4', '2019Q1', '2019Q2']);
    expect(quartersUntil('2018Q1', 1)).toEqual(['2018Q1']);
  });

  it('spans three assessment years', () => {
    const window = quartersUntil('2020Q4', TREND_QUARTERS);
    expect(window).toHaveLength(12);
    expect([window[0], window.at(-1)]).toEqual(['2018Q1', '2020Q4']);
  });
});
