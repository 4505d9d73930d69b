import { describe, expect, it } from 'vitest';
import { checkConditionTypes } from '../../../src/engine/check-condition-types.js';
import type { Condition, LeafCondition, OperatorName } from '../../../src/engine/condition-schema.js';
import { prepare } from './rule-set-builder.js';

function leaf(operator: OperatorName, value: LeafCondition['value'], fact = 'x'): LeafCondition {
  return { fact, operator, value };
}

const parameters = {
  line: { byYear: { '2018': 3535 } },
  grades: ['A', 'B'],
  five: 5,
  table: { byRegion: { west: 1, central: 2, east: 3 } },
  nested: [['A'], 'B'],
  badReference: { fact: 'y', path: 'y.z' },
  reference: { fact: 'y', path: '$.z' },
  nothing: null,
};

function problemsOf(condition: Condition): string[] {
  return checkConditionTypes(prepare([condition], { parameters })).map((p) => `${p.path}: ${p.message}`);
}

describe('checkConditionTypes', () => {
  it.each<[string, Condition]>([
    ['a number ordered against a number', leaf('greaterThan', 3)],
    ['a number ordered against a year-keyed parameter', leaf('greaterThan', { param: 'line' })],
    ['a number ordered against another fact', leaf('lessThan', { fact: 'y', path: '$.z' })],
    ['in a literal list', leaf('in', ['A', 'B'])],
    ['notIn a list parameter', leaf('notIn', { param: 'grades' })],
    ['equal to a boolean', leaf('equal', true)],
    ['notEqual to another fact', leaf('notEqual', { fact: 'y' })],
    ['contains a string', leaf('contains', 'car')],
    ['a parameter that is a well-formed fact reference', leaf('equal', { param: 'reference' })],
  ])('accepts %s', (_name, condition) => {
    expect(problemsOf(condition)).toEqual([]);
  });

  it.each<[string, Condition, string]>([
    ['in against a number, which makes json-rules-engine throw', leaf('in', { param: 'five' }), 'in needs a list of values, got the number 5'],
    ['in against a string, which searches for a substring', leaf('in', 'abc'), 'in needs a list of values, got the string "abc"'],
    ['in against another fact, which may be a number', leaf('notIn', { fact: 'y' }), 'notIn needs a literal list, not another fact'],
    ['in against a table', leaf('in', { param: 'table' }), 'in needs a list of values, got an object'],
    ['in a list holding a list', leaf('in', { param: 'nested' }), 'in lists only strings, numbers and booleans, got a list'],
    ['a comparison with a null parameter, which is always unknown', leaf('notEqual', { param: 'nothing' }), 'notEqual against null is always unknown (a missing value never decides a condition)'],
    ['equal to a list, which compares identity', leaf('equal', ['A']), 'equal needs a string, number or boolean, got a list'],
    ['contains a table', leaf('contains', { param: 'table' }), 'contains needs a string, number or boolean, got an object'],
    ['an ordering against text', leaf('lessThan', '10'), 'lessThan needs a number or a fact, got the string "10"'],
    ['an ordering against a boolean', leaf('greaterThanInclusive', true), 'greaterThanInclusive needs a number or a fact, got the boolean true'],
    ['a parameter that is a malformed fact reference', leaf('equal', { param: 'badReference' }), 'the path of a fact reference must be a JSONPath of property steps, like $.water.qualityOk'],
    ['a fact named __proto__', leaf('equal', 1, '__proto__'), 'json-rules-engine cannot hold a fact named __proto__'],
  ])('refuses %s', (_name, condition, message) => {
    const problems = problemsOf(condition);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('names every problem by its place in the rule set, items then warnings', () => {
    const prepared = prepare([{ all: [leaf('equal', 1), { not: leaf('in', 'a') }] }], { warnings: [leaf('equal', { param: 'nothing' })], parameters });
    expect(checkConditionTypes(prepared).map((p) => p.path)).toEqual(['items.0.conditions.all.1.not.value', 'warnings.0.conditions.value']);
  });
});
