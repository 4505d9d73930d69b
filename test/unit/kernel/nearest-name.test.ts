import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from '../../../src/kernel/text.js';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('score', 'score')).toBe(0);
    expect(editDistance('scor', 'score')).toBe(1);
    expect(editDistance('scoore', 'score')).toBe(1);
    expect(editDistance('scare', 'score')).toBe(1);
    expect(editDistance('socre', 'score')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nearestName', () => {
  const commands = ['score', 'import', 'nightly', 'export', 'rules', 'serve', 'demo'];

  it('suggests the command a typo was meant to be', () => {
    expect(nearestName('socre', commands)).toBe('score');
    expect(nearestName('imprt', commands)).toBe('import');
    expect(nearestName('NIGHTLY', commands)).toBe('nightly');
  });

  it('suggests nothing for a word that is not near any name', () => {
    expect(nearestName('frobnicate', commands)).toBeNull();
    expect(nearestName('x', commands)).toBeNull();
  });

  it('prefers the closer name, then the earlier one', () => {
    expect(nearestName('serv', commands)).toBe('serve');
    expect(nearestName('户编', ['户编号', '村编号'])).toBe('户编号');
  });
});
