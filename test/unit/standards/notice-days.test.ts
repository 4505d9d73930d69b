import { describe, expect, it } from 'vitest';
import { shortestNoticeDays } from '../../../src/standards/identification-facts.js';

function notice(start: string | null, end: string | null) {
  return { start, end };
}

describe('shortestNoticeDays', () => {
  it('counts a notice from the 1st to the 8th as 7 days', () => {
    expect(shortestNoticeDays([notice('2018-03-01', '2018-03-08')])).toBe(7);
  });

  it('counts a notice from the 1st to the 7th as 6 days', () => {
    expect(shortestNoticeDays([notice('2018-03-01', '2018-03-07')])).toBe(6);
  });

  it('gives the shortest of several notices', () => {
    expect(shortestNoticeDays([notice('2018-03-01', '2018-03-11'), notice('2018-04-01', '2018-04-07'), notice('2018-05-01', '2018-05-09')])).toBe(6);
  });

  it('counts across month and leap-year ends in whole days', () => {
    expect(shortestNoticeDays([notice('2016-02-26', '2016-03-04')])).toBe(7);
    expect(shortestNoticeDays([notice('2018-12-28', '2019-01-04')])).toBe(7);
  });

  it('is not shifted by daylight-saving changes, since dates are read in UTC', () => {
    // Many time zones change clocks at the end of March; a local-time reading would give 6.96.
    expect(shortestNoticeDays([notice('2018-03-20', '2018-03-27')])).toBe(7);
  });

  it('skips notices missing a date and uses the others', () => {
    expect(shortestNoticeDays([notice('2018-03-01', null), notice(null, '2018-03-02'), notice('2018-04-01', '2018-04-10')])).toBe(9);
  });

  it('is null when no notice has both dates', () => {
    expect(shortestNoticeDays([notice('2018-03-01', null)])).toBeNull();
    expect(shortestNoticeDays([])).toBeNull();
    expect(shortestNoticeDays(null)).toBeNull();
  });

  it('skips a notice whose dates cannot be read', () => {
    expect(shortestNoticeDays([notice('soon', '2018-03-02'), notice('2018-04-01', '2018-04-08')])).toBe(7);
  });

  it('gives a negative length for a notice ending before it starts, so it is reported as too short', () => {
    expect(shortestNoticeDays([notice('2018-03-08', '2018-03-01')])).toBe(-7);
  });
});
