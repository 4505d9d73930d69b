import { describe, expect, it } from 'vitest';
import { checkRuleSet, type CatalogueView } from '../../../src/engine/check-rule-set.js';
import type { Condition } from '../../../src/engine/condition-schema.js';
import { aRuleSet, anItem } from '../../helpers/builders.js';

/** A small catalogue of the kinds of fact the standards compute. */
const catalogue: CatalogueView = {
  incomePerCapita: { type: 'number' },
  electricity: { type: 'boolean' },
  outcome: { type: 'string' },
  housing: { type: 'object', fields: { safetyGrade: 'string', hasHouse: 'boolean' } },
  water: { type: 'object', fields: { fetchMinutes: 'number' } },
};

const parameters = {
  line: { byYear: { '2017': 3335, '2018': 3535 } },
  limit: { byRegion: { west: 0.03, central: 0.02, east: 0.02 } },
  grades: ['A', 'B'],
  minutes: 20,
};

function problemsOf(condition: Condition, options: { years?: number[]; asWarning?: boolean } = {}) {
  const item = anItem('x', condition);
  const ruleSet = options.asWarning ? aRuleSet({ parameters, warnings: [item] }) : aRuleSet({ parameters, items: [item] });
  // Where and what, as a reader sees them; the codes behind the messages are the catalogue's concern.
  return checkRuleSet(ruleSet, catalogue, options.years ?? []).map(({ path, message }) => ({ path, message }));
}

describe('checkRuleSet', () => {
  it.each<[string, Condition]>([
    ['a number ordered against a year-keyed parameter', { fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'line' } }],
    ['a field of an object fact ordered against a number parameter', { fact: 'water', path: '$.fetchMinutes', operator: 'lessThanInclusive', value: { param: 'minutes' } }],
    ['a text field in a list parameter', { fact: 'housing', path: '$.safetyGrade', operator: 'in', value: { param: 'grades' } }],
    ['a text field in a literal list', { fact: 'housing', path: '$.safetyGrade', operator: 'notIn', value: ['C', 'D'] }],
    ['a boolean fact equal to a boolean', { fact: 'electricity', operator: 'equal', value: true }],
    ['a string fact not equal to a string', { fact: 'outcome', operator: 'notEqual', value: 'fail' }],
    ['a number against another number fact', { fact: 'incomePerCapita', operator: 'lessThan', value: { fact: 'water', path: '$.fetchMinutes' } }],
    ['all/any/not of good conditions', { not: { any: [{ fact: 'electricity', operator: 'equal', value: true }, { all: [{ fact: 'housing', path: '$.hasHouse', operator: 'equal', value: false }] }] } }],
  ])('accepts %s', (_name, condition) => {
    expect(problemsOf(condition)).toEqual([]);
  });

  it('refuses an unknown fact, naming it and the facts it knows', () => {
    expect(problemsOf({ fact: 'incomePerHead', operator: 'greaterThan', value: 1 })).toEqual([
      { path: 'items.0.conditions.fact', message: expect.stringMatching(/unknown fact "incomePerHead"; known: .*incomePerCapita/) },
    ]);
  });

  it('refuses an unknown fact compared with, at the place of the reference', () => {
    expect(problemsOf({ fact: 'incomePerCapita', operator: 'lessThan', value: { fact: 'monitoringLine' } })).toEqual([
      { path: 'items.0.conditions.value.fact', message: expect.stringContaining('"monitoringLine"') },
    ]);
  });

  it('refuses a path to a field the fact does not have, naming the fact, the field and the known fields', () => {
    expect(problemsOf({ fact: 'housing', path: '$.colour', operator: 'equal', value: 'red' })).toEqual([
      { path: 'items.0.conditions.fact', message: 'fact housing has no field "colour"; known: safetyGrade, hasHouse' },
    ]);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('refuses the fact %s, which every object inherits but no standard computes', (fact) => {
    expect(problemsOf({ fact, operator: 'in', value: ['x'] })).toEqual([{ path: 'items.0.conditions.fact', message: expect.stringContaining(`unknown fact "${fact}"`) }]);
    expect(problemsOf({ fact: 'incomePerCapita', operator: 'lessThan', value: { fact } })).toEqual([
      { path: 'items.0.conditions.value.fact', message: expect.stringContaining(`unknown fact "${fact}"`) },
    ]);
  });

  it.each(['$.constructor', '$.toString', '$.hasOwnProperty'])('refuses the path %s, which an object fact inherits but does not have', (path) => {
    expect(problemsOf({ fact: 'housing', path, operator: 'in', value: ['A'] })).toEqual([
      { path: 'items.0.conditions.fact', message: `fact housing has no field "${path.slice(2)}"; known: safetyGrade, hasHouse` },
    ]);
  });

  it('refuses a path into a fact that has no fields', () => {
    expect(problemsOf({ fact: 'electricity', path: '$.on', operator: 'equal', value: true })[0]!.message).toContain('fact electricity has no field "on"; known: none');
  });

  it('refuses a numeric operator on a boolean fact', () => {
    expect(problemsOf({ fact: 'electricity', operator: 'greaterThan', value: 0 })).toEqual([
      { path: 'items.0.conditions.operator', message: 'greaterThan compares numbers, but the fact is boolean and the value is number' },
    ]);
  });

  it('refuses a numeric operator against a list parameter or a region table', () => {
    expect(problemsOf({ fact: 'incomePerCapita', operator: 'lessThan', value: { param: 'grades' } })[0]!.message).toContain('the value is array');
    expect(problemsOf({ fact: 'incomePerCapita', operator: 'lessThan', value: { param: 'limit' } })[0]!.message).toContain('the value is object');
  });

  it('refuses `in` with a value that is not a list', () => {
    expect(problemsOf({ fact: 'housing', path: '$.safetyGrade', operator: 'in', value: 'A' })).toEqual([
      { path: 'items.0.conditions.value', message: 'in needs a list value, got string' },
    ]);
    expect(problemsOf({ fact: 'housing', path: '$.safetyGrade', operator: 'notIn', value: { param: 'minutes' } })[0]!.message).toBe('notIn needs a list value, got number');
  });

  it('refuses contains, since no fact of a standard is a list', () => {
    expect(problemsOf({ fact: 'outcome', operator: 'contains', value: 'a' })[0]).toMatchObject({ path: 'items.0.conditions.operator' });
  });

  it('refuses an equality that can never hold because the types differ', () => {
    expect(problemsOf({ fact: 'electricity', operator: 'equal', value: 'true' })).toEqual([
      { path: 'items.0.conditions.value', message: 'equal compares a boolean fact with a string value: it can never hold' },
    ]);
  });

  it('refuses an unknown parameter, naming it', () => {
    expect(problemsOf({ fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'exitLine' } })).toEqual([
      { path: 'items.0.conditions.value.param', message: 'unknown parameter "exitLine"' },
    ]);
  });

  it('refuses a parameter name inherited from Object.prototype', () => {
    expect(problemsOf({ fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'toString' } })[0]!.message).toBe('unknown parameter "toString"');
  });

  it('refuses a data year missing from a year-keyed table, naming the table and the year', () => {
    expect(problemsOf({ fact: 'electricity', operator: 'equal', value: true }, { years: [2017, 2018, 2019] })).toEqual([
      { path: 'parameters.line.byYear', message: 'no value for 2019' },
    ]);
  });

  it('accepts data years that every table has', () => {
    expect(problemsOf({ fact: 'electricity', operator: 'equal', value: true }, { years: [2017, 2018] })).toEqual([]);
  });

  it('names a problem deep in all/any/not by its full path', () => {
    const problems = problemsOf({ all: [{ fact: 'electricity', operator: 'equal', value: true }, { any: [{ not: { fact: 'nope', operator: 'equal', value: 1 } }] }] });
    expect(problems.map((p) => p.path)).toEqual(['items.0.conditions.all.1.any.0.not.fact']);
  });

  it('checks warnings like items', () => {
    expect(problemsOf({ fact: 'nope', operator: 'equal', value: 1 }, { asWarning: true }).map((p) => p.path)).toEqual(['warnings.0.conditions.fact']);
  });

  it('reports every problem, not only the first', () => {
    const ruleSet = aRuleSet({
      parameters,
      items: [anItem('a', { fact: 'nope', operator: 'equal', value: 1 }), anItem('b', { fact: 'electricity', operator: 'lessThan', value: 1 })],
    });
    expect(checkRuleSet(ruleSet, catalogue, [2020]).map((p) => p.path)).toEqual(['items.0.conditions.fact', 'items.1.conditions.operator', 'parameters.line.byYear']);
  });

  it('refuses a label placeholder naming an unknown parameter or quoting a year table, at the label', () => {
    const electricity: Condition = { fact: 'electricity', operator: 'equal', value: true };
    const ruleSet = aRuleSet({
      parameters,
      items: [{ ...anItem('a', electricity), label: { zh: '{minutes}分钟以内', en: 'within {minuts} minutes' } }],
      warnings: [{ ...anItem('w', electricity), label: { zh: '低于{line}元', en: 'below the line' } }],
    });
    expect(checkRuleSet(ruleSet, catalogue).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'items.0.label.en', message: '{minuts} names no parameter of the rule set' },
      { path: 'warnings.0.label.zh', message: expect.stringContaining('a label must not quote a number that differs by year or region') },
    ]);
  });
});
