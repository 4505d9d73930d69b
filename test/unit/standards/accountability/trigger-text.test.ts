import { describe, expect, it } from 'vitest';
import { triggerText } from '../../../../src/standards/accountability/trigger-text.js';

describe('triggerText', () => {
  it('words a consecutive trigger in English and Chinese', () => {
    expect(triggerText('consecutive', { count: 2, year: 2018, quarters: ['2018Q3', '2018Q4'] })).toEqual({
      en: '2 consecutive yellow cards (2018Q3, 2018Q4)',
      zh: '连续2次黄牌警告(2018Q3, 2018Q4)',
    });
  });

  it('words a total-in-year trigger in English and Chinese', () => {
    expect(triggerText('total-in-year', { count: 3, year: 2018, quarters: ['2018Q1', '2018Q2', '2018Q4'] })).toEqual({
      en: '3 yellow cards in 2018 (2018Q1, 2018Q2, 2018Q4)',
      zh: '2018年累计3次黄牌警告(2018Q1, 2018Q2, 2018Q4)',
    });
  });

  it.each(['consecutive', 'total-in-year'] as const)('has a distinct non-empty text in both languages for %s', (mode) => {
    const text = triggerText(mode, { count: 1, year: 2020, quarters: ['2020Q1'] });
    expect(text.zh).toMatch(/黄牌/);
    expect(text.en).toMatch(/yellow card/);
    expect(text.zh).not.toBe(text.en);
  });
});
