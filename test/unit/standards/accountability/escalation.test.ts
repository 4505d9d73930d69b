import { describe, expect, it } from 'vitest';
import type { Card, CardRecord } from '../../../../src/standards/accountability/accountability-input.js';
import { indexCardHistory } from '../../../../src/standards/accountability/card-history-index.js';
import { escalate, escalationReached } from '../../../../src/standards/accountability/escalation.js';
import { parseQuarter } from '../../../../src/kernel/quarter.js';
import { aCardRecord } from '../../../helpers/builders.js';

function escalationOf(history: CardRecord[], quarter: string, card: Card | null, unitId = 'T1') {
  const runQuarter = parseQuarter(quarter);
  return escalate(indexCardHistory(history, runQuarter).get(`township:${unitId}`), runQuarter, card);
}

describe('escalate', () => {
  it('counts four consecutive yellow quarters across the year boundary, three of them this year', () => {
    const history = [aCardRecord('T3', '2018Q1'), aCardRecord('T3', '2018Q2'), aCardRecord('T3', '2017Q4')];
    expect(escalationOf(history, '2018Q3', 'yellow-card', 'T3')).toEqual({
      consecutiveYellow: 4,
      yellowThisYear: 3,
      consecutiveQuarters: ['2017Q4', '2018Q1', '2018Q2', '2018Q3'],
      yearQuarters: ['2018Q1', '2018Q2', '2018Q3'],
    });
  });

  it('restarts the consecutive count after a quarter without a yellow card', () => {
    const history = [aCardRecord('T1', '2018Q1'), aCardRecord('T1', '2017Q4')];
    expect(escalationOf(history, '2018Q3', 'yellow-card')).toMatchObject({
      consecutiveYellow: 1,
      yellowThisYear: 2,
      consecutiveQuarters: ['2018Q3'],
      yearQuarters: ['2018Q1', '2018Q3'],
    });
  });

  it('reports the yellow cards of the year even when the unit has no yellow card now', () => {
    expect(escalationOf([aCardRecord('T1', '2018Q2')], '2018Q3', null)).toEqual({
      consecutiveYellow: 0,
      yellowThisYear: 1,
      consecutiveQuarters: [],
      yearQuarters: ['2018Q2'],
    });
    expect(escalationOf([aCardRecord('T1', '2018Q2')], '2018Q3', 'red-flag')).toMatchObject({ consecutiveYellow: 0, yellowThisYear: 1 });
  });

  it('counts consecutive quarters into the previous year but the year total only within the year', () => {
    const history = [aCardRecord('T1', '2017Q3'), aCardRecord('T1', '2017Q4'), aCardRecord('T1', '2017Q1')];
    expect(escalationOf(history, '2018Q1', 'yellow-card')).toMatchObject({
      consecutiveYellow: 3,
      yellowThisYear: 1,
      consecutiveQuarters: ['2017Q3', '2017Q4', '2018Q1'],
    });
  });

  it('breaks a run on a red flag', () => {
    const history = [aCardRecord('T1', '2018Q1'), aCardRecord('T1', '2018Q2', 'red-flag')];
    expect(escalationOf(history, '2018Q3', 'yellow-card')).toMatchObject({ consecutiveYellow: 1, yellowThisYear: 2 });
  });

  it('lets the run replace a stored card of its own quarter, also by no card', () => {
    const storedYellow = [aCardRecord('T1', '2018Q2'), aCardRecord('T1', '2018Q3')];
    expect(escalationOf(storedYellow, '2018Q3', null)).toMatchObject({ consecutiveYellow: 0, yellowThisYear: 1 });
    const storedNone = [aCardRecord('T1', '2018Q2'), aCardRecord('T1', '2018Q3', null)];
    expect(escalationOf(storedNone, '2018Q3', 'yellow-card')).toMatchObject({ consecutiveYellow: 2, yellowThisYear: 2 });
  });

  it('ignores stored cards of quarters after the run', () => {
    const history = [aCardRecord('T1', '2018Q4'), aCardRecord('T1', '2019Q1'), aCardRecord('T1', '2018Q2')];
    expect(escalationOf(history, '2018Q3', 'yellow-card')).toMatchObject({
      consecutiveYellow: 2,
      yellowThisYear: 2,
      consecutiveQuarters: ['2018Q2', '2018Q3'],
    });
  });

  it('reads only the unit own history, by unit type and id', () => {
    const history = [aCardRecord('T2', '2018Q2'), aCardRecord('T1', '2018Q2', 'yellow-card', 'assisting-unit')];
    expect(escalationOf(history, '2018Q3', 'yellow-card')).toMatchObject({ consecutiveYellow: 1, yellowThisYear: 1 });
  });

  it('takes the later of two stored records for the same quarter', () => {
    expect(escalationOf([aCardRecord('T1', '2018Q2'), aCardRecord('T1', '2018Q2', null)], '2018Q3', 'yellow-card')).toMatchObject({
      consecutiveYellow: 1,
    });
    expect(escalationOf([aCardRecord('T1', '2018Q2', null), aCardRecord('T1', '2018Q2')], '2018Q3', 'yellow-card')).toMatchObject({
      consecutiveYellow: 2,
    });
  });

  it('works for a unit with no history at all', () => {
    expect(escalationOf([], '2018Q3', 'yellow-card')).toMatchObject({ consecutiveYellow: 1, yellowThisYear: 1 });
  });
});

describe('escalationReached', () => {
  const escalation = { consecutiveYellow: 1, yellowThisYear: 3, consecutiveQuarters: [], yearQuarters: [] };

  it('compares the consecutive count in consecutive mode', () => {
    expect(escalationReached({ count: 2, mode: 'consecutive' }, escalation)).toBe(false);
    expect(escalationReached({ count: 1, mode: 'consecutive' }, escalation)).toBe(true);
  });

  it('compares the count of the year in total-in-year mode', () => {
    expect(escalationReached({ count: 3, mode: 'total-in-year' }, escalation)).toBe(true);
    expect(escalationReached({ count: 4, mode: 'total-in-year' }, escalation)).toBe(false);
  });
});
