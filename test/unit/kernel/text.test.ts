import { describe, expect, it } from 'vitest';
import { compareText } from '../../../src/kernel/text.js';

describe('text comparison', () => {
  it('orders by UTF-16 code units: upper case before lower, digits before letters, whatever the locale', () => {
    expect(['b', 'B', 'a', '10', '2', 'A'].sort(compareText)).toEqual(['10', '2', 'A', 'B', 'a', 'b']);
  });

  it('orders Chinese names by code unit, not by pinyin, so every machine sorts them alike', () => {
    // 张 U+5F20, 李 U+674E, 王 U+738B: pinyin order would be 李 王 张.
    expect(['王', '张', '李'].sort(compareText)).toEqual(['张', '李', '王']);
  });

  it('is zero only for equal text, and antisymmetric', () => {
    expect(compareText('村', '村')).toBe(0);
    expect(compareText('a', 'ab')).toBe(-1);
    expect(compareText('ab', 'a')).toBe(1);
  });
});
