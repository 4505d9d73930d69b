import { describe, expect, it } from 'vitest';
import { formatRejectedRow } from '../../../../src/records/parsing/rejected-row.js';

describe('formatRejectedRow', () => {
  it('prints file, line, field and reason on one line', () => {
    const row = { file: 'households.csv', line: 17, field: 'incomePerCapita', reason: 'expected a number, got "abc"', id: 'H1' };
    expect(formatRejectedRow(row)).toBe('households.csv:17: incomePerCapita: expected a number, got "abc"');
  });

  it('flattens line breaks in a reason so each row stays one line', () => {
    expect(formatRejectedRow({ file: 'a.csv', line: 2, field: '(row)', reason: 'one\r\ntwo\nthree' })).toBe('a.csv:2: (row): one two three');
  });
});
