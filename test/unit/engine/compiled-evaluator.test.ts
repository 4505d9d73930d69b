import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../../src/engine/compile-rule-set.js';
import { compiledEvaluator } from '../../../src/engine/evaluators.js';
import type { Condition, LeafCondition, OperatorName } from '../../../src/engine/condition-schema.js';
import { RuleSetInvalidError } from '../../../src/engine/errors.js';
import type { ItemOutcome } from '../../../src/engine/verdict.js';
import { factsOf, prepare } from './rule-set-builder.js';
import { runCompiled, runReference, type Run } from './run-both-evaluators.js';

function leaf(fact: string, operator: OperatorName, value: LeafCondition['value'], path?: string): LeafCondition {
  return path === undefined ? { fact, operator, value } : { fact, operator, value, path };
}

const outcome = (o: ItemOutcome): Run => ({ outcomes: [o] });
const throws: Run = { threw: 'TypeError' };

const missing = leaf('absent', 'equal', 1);
const passing = leaf('one', 'equal', 1);
const failing = leaf('one', 'equal', 2);
const defaults = { one: 1 };

type Case = [name: string, condition: Condition, values: Record<string, unknown>, expected: Run, parameters?: Record<string, unknown>];

const cases: Case[] = [
  // Numeric operators: json-rules-engine's parseFloat validator, then JavaScript's comparison.
  ['a number above the value passes greaterThan', leaf('n', 'greaterThan', 10), { n: 20 }, outcome('pass')],
  ['a numeric string is compared as a number', leaf('n', 'greaterThan', 10), { n: ' 20' }, outcome('pass')],
  ['"12abc" passes the validator but compares as NaN, so it fails', leaf('n', 'greaterThan', 10), { n: '12abc' }, outcome('fail')],
  ['"abc" fails the numeric validator', leaf('n', 'lessThan', 10), { n: 'abc' }, outcome('fail')],
  ['an empty string fails the numeric validator', leaf('n', 'lessThan', 10), { n: '' }, outcome('fail')],
  ['a boolean fails the numeric validator', leaf('n', 'greaterThan', 0), { n: true }, outcome('fail')],
  ['a one-number list is compared through its text', leaf('n', 'greaterThan', 10), { n: [20] }, outcome('pass')],
  ['an empty list fails the numeric validator', leaf('n', 'lessThan', 10), { n: [] }, outcome('fail')],
  ['NaN fails every ordering', leaf('n', 'lessThanInclusive', 10), { n: Number.NaN }, outcome('fail')],
  ['the string Infinity is a number above everything', leaf('n', 'greaterThan', 10), { n: 'Infinity' }, outcome('pass')],
  ['an object fails the numeric validator', leaf('n', 'greaterThan', 0), { n: { x: 1 } }, outcome('fail')],
  ['-0 is not below 0', leaf('n', 'lessThan', 0), { n: -0 }, outcome('fail')],
  ['-0 is at most 0', leaf('n', 'lessThanInclusive', 0), { n: -0 }, outcome('pass')],
  ['numeric strings against a string value compare as text', leaf('n', 'lessThan', '10'), { n: '5' }, outcome('fail')],
  ['an object whose toString is data makes the comparison throw', leaf('n', 'greaterThan', 1), { n: { toString: 1 } }, throws],
  // Equality is strict.
  ['1 is not equal to "1"', leaf('n', 'equal', '1'), { n: 1 }, outcome('fail')],
  ['-0 equals 0', leaf('n', 'equal', 0), { n: -0 }, outcome('pass')],
  ['NaN is not equal to itself', leaf('n', 'notEqual', 1), { n: Number.NaN }, outcome('pass')],
  ['a comparison with a null parameter is always unknown', leaf('n', 'notEqual', { param: 'nothing' }), { n: 1 }, outcome('unknown'), { nothing: null }],
  // in / notIn call the value's indexOf.
  ['a listed value is in the list', leaf('g', 'in', ['A', 'B']), { g: 'B' }, outcome('pass')],
  ['in is strict: 1 is not in ["1"]', leaf('g', 'in', ['1']), { g: 1 }, outcome('fail')],
  ['NaN is never in a list', leaf('g', 'in', [1]), { g: Number.NaN }, outcome('fail')],
  ['NaN is notIn any list', leaf('g', 'notIn', [1]), { g: Number.NaN }, outcome('pass')],
  ['in against a string searches for a substring', leaf('g', 'in', 'abc'), { g: 'b' }, outcome('pass')],
  ['in against a string turns a number fact into text', leaf('g', 'in', 'a1'), { g: 1 }, outcome('pass')],
  ['notIn against a string is false for a substring', leaf('g', 'notIn', 'abc'), { g: 'bc' }, outcome('fail')],
  ['in against a number throws on both paths', leaf('g', 'in', { param: 'five' }), { g: 1 }, throws, { five: 5 }],
  ['in against a number is unknown, not an error, when the fact is missing', leaf('g', 'in', { param: 'five' }), {}, outcome('unknown'), { five: 5 }],
  ['in against a list fact looks the value up', leaf('g', 'in', { fact: 'list' }), { g: 'a', list: ['a'] }, outcome('pass')],
  ['in against a number fact throws', leaf('g', 'in', { fact: 'list' }), { g: 'a', list: 3 }, throws],
  ['in against a table parameter throws', leaf('g', 'in', { param: 'table' }), { g: 'a' }, throws, { table: { byRegion: { west: 1, central: 2, east: 3 } } }],
  // contains / doesNotContain need a list fact.
  ['a list containing the value passes contains', leaf('l', 'contains', 'b'), { l: ['a', 'b'] }, outcome('pass')],
  ['a string never contains anything', leaf('l', 'contains', 'b'), { l: 'abc' }, outcome('fail')],
  ['doesNotContain also fails on a string', leaf('l', 'doesNotContain', 'z'), { l: 'abc' }, outcome('fail')],
  ['a list without the value passes doesNotContain', leaf('l', 'doesNotContain', 'z'), { l: ['a'] }, outcome('pass')],
  ['contains is strict', leaf('l', 'contains', '1'), { l: [1] }, outcome('fail')],
  ['contains fails on an object', leaf('l', 'contains', 'a'), { l: { a: 1 } }, outcome('fail')],
  // Compared facts.
  ['a missing compared fact leaves the condition unknown', leaf('income', 'greaterThan', { fact: 'line' }), { income: 5 }, outcome('unknown')],
  ['a present compared fact is compared', leaf('income', 'greaterThan', { fact: 'line' }), { income: 5, line: 4 }, outcome('pass')],
  ['a compared fact is read through its path', leaf('income', 'greaterThan', { fact: 't', path: '$.line' }), { income: 5, t: { line: 6 } }, outcome('fail')],
  ['a compared path that leads nowhere is unknown', leaf('income', 'greaterThan', { fact: 't', path: '$.line' }), { income: 5, t: {} }, outcome('unknown')],
  // Paths, as json-rules-engine's JSONPath-plus reads them.
  ['$.length of a list is its length', leaf('l', 'greaterThan', 2, '$.length'), { l: [1, 2, 3] }, outcome('pass')],
  ['$.constructor of an object is not read from its prototype', leaf('o', 'notEqual', 'x', '$.constructor'), { o: {} }, outcome('unknown')],
  ['a path is not applied to a string fact', leaf('s', 'equal', 'abc', '$.length'), { s: 'abc' }, outcome('pass')],
  ['a path step reads the length of a non-empty string', leaf('o', 'equal', 3, '$.name.length'), { o: { name: 'abc' } }, outcome('pass')],
  ['a path step does not read the length of an empty string', leaf('o', 'equal', 0, '$.name.length'), { o: { name: '' } }, outcome('unknown')],
  ['a path through null is unknown', leaf('o', 'equal', 1, '$.a.b'), { o: { a: null } }, outcome('unknown')],
  ['a path does not reach into the elements of a list', leaf('o', 'equal', 1, '$.a.b'), { o: { a: [{ b: 1 }] } }, outcome('unknown')],
  ['a path to a list gives the list', leaf('o', 'contains', 2, '$.a.b'), { o: { a: { b: [1, 2] } } }, outcome('pass')],
  // Facts named like Object.prototype members are missing unless given.
  ['a fact named constructor is missing when not given', leaf('constructor', 'notEqual', 'x'), {}, outcome('unknown')],
  ['a fact named toString is read when given', leaf('toString', 'equal', 'x'), { toString: 'x' }, outcome('pass')],
  ['a fact that is not an enumerable own property is missing', leaf('n', 'equal', 1), Object.defineProperty({}, 'n', { value: 1 }) as Record<string, unknown>, outcome('unknown')],
  ['a fact inherited by the fact map is missing', leaf('n', 'equal', 1), Object.create({ n: 1 }) as Record<string, unknown>, outcome('unknown')],
  ['a fact named __proto__ never has a value, even when given', leaf('__proto__', 'equal', 1), JSON.parse('{"__proto__": 1}') as Record<string, unknown>, outcome('unknown')],
  // Kleene's strong three-valued logic.
  ['not of unknown is unknown', { not: missing }, defaults, outcome('unknown')],
  ['not of pass is fail', { not: passing }, defaults, outcome('fail')],
  ['all with a fail and an unknown fails', { all: [missing, failing] }, defaults, outcome('fail')],
  ['all with a pass and an unknown is unknown', { all: [missing, passing] }, defaults, outcome('unknown')],
  ['any with a pass and an unknown passes', { any: [missing, passing] }, defaults, outcome('pass')],
  ['any with a fail and an unknown is unknown', { any: [missing, failing] }, defaults, outcome('unknown')],
  ['x > 3 or not (x > 3) with x missing is unknown, not pass', { any: [leaf('x', 'greaterThan', 3), { not: leaf('x', 'greaterThan', 3) }] }, {}, outcome('unknown')],
  ['not of an all that fails despite an unknown passes', { not: { all: [missing, failing] } }, defaults, outcome('pass')],
  ['unknowns nested under any, all and not stay unknown', { any: [{ all: [missing, passing] }, { not: { any: [failing, missing] } }] }, defaults, outcome('unknown')],
  ['a fail deep under two nots fails', { all: [passing, { not: { not: { any: [failing, failing] } } }] }, defaults, outcome('fail')],
];

describe('compiled evaluator edge cases', () => {
  it.each(cases)('%s', async (_name, condition, values, expected, parameters) => {
    const prepared = prepare([condition], parameters ? { parameters: parameters as never } : {});
    const facts = factsOf(values);
    const compiled = runCompiled(prepared, facts);
    expect(compiled).toEqual(expected);
    expect(await runReference(prepared, facts)).toEqual(compiled);
  });

  it('returns items then warnings, in document order', async () => {
    const prepared = prepare([passing, missing], { warnings: [failing, passing] });
    const facts = factsOf(defaults);
    expect(compiledEvaluator.evaluate(prepared, facts)).toEqual(['pass', 'unknown', 'fail', 'pass']);
    expect(await runReference(prepared, facts)).toEqual({ outcomes: ['pass', 'unknown', 'fail', 'pass'] });
  });

  it('compiles a prepared rule set once', () => {
    const prepared = prepare([passing]);
    expect(compileRuleSet(prepared)).toBe(compileRuleSet(prepared));
    expect(compileRuleSet(prepare([passing]))).not.toBe(compileRuleSet(prepared));
  });

  it('answers synchronously', () => {
    expect(Array.isArray(compiledEvaluator.evaluate(prepare([passing]), factsOf(defaults)))).toBe(true);
    expect(compiledEvaluator.name).toBe('compiled');
  });

  it('keeps a running evaluation apart from one that a fact getter starts', () => {
    const prepared = prepare([leaf('n', 'equal', 1), leaf('m', 'equal', 2)]);
    const values = {
      n: 1,
      get m() {
        expect(compiledEvaluator.evaluate(prepared, factsOf({ n: 5, m: 5 }))).toEqual(['fail', 'fail']);
        return 2;
      },
    };
    expect(compiledEvaluator.evaluate(prepared, factsOf(values))).toEqual(['pass', 'pass']);
  });

  it('refuses a fact reference with a malformed path that only a parameter can bring in', () => {
    const prepared = prepare([leaf('n', 'equal', { param: 'ref' })], { parameters: { ref: { fact: 'm', path: 'm.x' } } });
    expect(() => compileRuleSet(prepared)).toThrow(RuleSetInvalidError);
  });

  it('treats a parameter shaped like a fact reference as one, as json-rules-engine does', async () => {
    const prepared = prepare([leaf('n', 'equal', { param: 'ref' })], { parameters: { ref: { fact: 'm', path: '$.x' } } });
    const facts = factsOf({ n: 4, m: { x: 4 } });
    expect(compiledEvaluator.evaluate(prepared, facts)).toEqual(['pass']);
    expect(await runReference(prepared, facts)).toEqual({ outcomes: ['pass'] });
  });
});
