import { describe, expect, it } from 'vitest';
import { ParameterMissingError, RuleSetYearMissingError } from '../../../src/engine/errors.js';
import { ParameterReader, yearTables } from '../../../src/engine/parameters.js';
import { aRuleSet } from '../../helpers/builders.js';

const ruleSet = aRuleSet({
  parameters: {
    line: { byYear: { '2017': 3335, '2018': 3535 } },
    limit: { byRegion: { west: 0.03, central: 0.02, east: 0.01 } },
    grades: ['A', 'B'],
    age: { min: 6, max: 15 },
    floor: 0,
    label: 'text',
  },
});

function reader(year = 2018): ParameterReader {
  return new ParameterReader(ruleSet, year);
}

describe('ParameterReader', () => {
  it('reads a year-keyed table at the assessment year', () => {
    expect(reader(2018).value('line')).toBe(3535);
    expect(reader(2017).number('line')).toBe(3335);
  });

  it('refuses a year missing from a table with RuleSetYearMissingError naming the parameter and the year', () => {
    let error: unknown;
    try {
      reader(2019).value('line');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuleSetYearMissingError);
    expect(error).toMatchObject({ code: 'RULE_SET_YEAR_MISSING', ruleSetId: 'household-exit', parameter: 'line', year: 2019 });
    expect((error as Error).message).toContain('line');
    expect((error as Error).message).toContain('2019');
  });

  it('reads a region-keyed number for each region', () => {
    expect(reader().forRegion('limit', 'west')).toBe(0.03);
    expect(reader().forRegion('limit', 'central')).toBe(0.02);
    expect(reader().forRegion('limit', 'east')).toBe(0.01);
  });

  it('gives null for an unknown region, so the item that needs it is unknown', () => {
    expect(reader().forRegion('limit', null)).toBeNull();
    expect(reader().forRegion('limit', undefined)).toBeNull();
  });

  it('refuses to read a table that is not keyed by region as one', () => {
    expect(() => reader().forRegion('grades', 'west')).toThrow(ParameterMissingError);
    expect(() => reader().forRegion('line', 'west')).toThrow(/line \(a byRegion table\)/);
  });

  it('returns other parameters whole: lists, objects, numbers and text', () => {
    expect(reader().value('grades')).toEqual(['A', 'B']);
    expect(reader().object('age')).toEqual({ min: 6, max: 15 });
    expect(reader().number('floor')).toBe(0);
    expect(reader().value('label')).toBe('text');
  });

  it('refuses a parameter read as a number that is not one', () => {
    expect(() => reader().number('grades')).toThrow(ParameterMissingError);
    expect(() => reader().number('label')).toThrow(/label \(a number\)/);
  });

  it('refuses an unknown parameter with ParameterMissingError naming it', () => {
    expect(reader().has('nope')).toBe(false);
    expect(() => reader().value('nope')).toThrow(ParameterMissingError);
    expect(() => reader().value('nope')).toThrow(/household-exit has no parameter nope/);
  });

  it('does not take inherited members of the parameter map for parameters', () => {
    expect(reader().has('toString')).toBe(false);
    expect(() => reader().value('constructor')).toThrow(ParameterMissingError);
  });
});

describe('yearTables', () => {
  it('names every year-keyed table with its years', () => {
    expect(yearTables(ruleSet)).toEqual([{ name: 'line', years: [2017, 2018] }]);
  });
});
