import { describe, expect, it } from 'vitest';
import type { ItemOutcome } from '../../../src/engine/verdict.js';
import { countRemainingPoor, type HouseholdForIncidence } from '../../../src/standards/remaining-poor.js';

const rule = { notPassingStatuses: ['poor', 'returned'], failingStatuses: ['exited'] };

function household(status: string, memberCount: number, exitOutcome: ItemOutcome | null): HouseholdForIncidence {
  return { status, memberCount, exitOutcome };
}

describe('countRemainingPoor', () => {
  it('counts poor and returned households that do not pass household exit', () => {
    const result = countRemainingPoor([household('poor', 3, 'fail'), household('returned', 4, 'fail'), household('poor', 5, 'pass')], rule);
    expect(result).toEqual({ people: 7, peopleWithUnknownVerdict: 0, households: 2 });
  });

  it('counts an unknown verdict as remaining poor, and says how many people that is', () => {
    const result = countRemainingPoor([household('poor', 3, 'unknown'), household('returned', 2, 'fail')], rule);
    expect(result).toEqual({ people: 5, peopleWithUnknownVerdict: 3, households: 2 });
  });

  it('counts an exited household again only when it fails (错退), not when it is unknown', () => {
    const result = countRemainingPoor([household('exited', 4, 'fail'), household('exited', 6, 'unknown'), household('exited', 2, 'pass')], rule);
    expect(result).toEqual({ people: 4, peopleWithUnknownVerdict: 0, households: 1 });
  });

  it('ignores statuses outside both lists', () => {
    const result = countRemainingPoor([household('applicant', 3, null), household('non-poor', 2, null)], rule);
    expect(result).toEqual({ people: 0, peopleWithUnknownVerdict: 0, households: 0 });
  });

  it('counts a poor household household exit did not judge as remaining poor', () => {
    expect(countRemainingPoor([household('poor', 3, null)], rule)).toEqual({ people: 3, peopleWithUnknownVerdict: 3, households: 1 });
  });

  it('counts a household with no members listed as a household of nobody', () => {
    expect(countRemainingPoor([household('poor', 0, 'unknown')], rule)).toEqual({ people: 0, peopleWithUnknownVerdict: 0, households: 1 });
  });

  it('follows the statuses of the rule it is given', () => {
    expect(countRemainingPoor([household('returned', 3, 'fail')], { notPassingStatuses: ['poor'], failingStatuses: [] }).people).toBe(0);
  });

  it('reads any iterable once', () => {
    function* households() {
      yield household('poor', 2, 'fail');
      yield household('poor', 1, 'fail');
    }
    expect(countRemainingPoor(households(), rule).people).toBe(3);
  });
});
