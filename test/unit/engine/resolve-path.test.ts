import fc from 'fast-check';
import { Almanac } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { resolvePath } from '../../../src/engine/facts.js';
import { factValue, path } from './json-like-arbitraries.js';

/** What json-rules-engine's almanac reads: `factValue(fact, {}, path)` through JSONPath-plus. */
async function almanacRead(value: unknown, at: string): Promise<unknown> {
  const almanac = new Almanac({ allowUndefinedFacts: true });
  almanac.addFact('f', value);
  return almanac.factValue('f', {}, at);
}

describe('resolvePath', () => {
  it.each([
    ['the length of a list', [1, 2, 3], '$.length', 3],
    ['nothing inherited, like the constructor', {}, '$.constructor', undefined],
    ['the length of a non-empty string met along the path', { a: 'abc' }, '$.a.length', 3],
    ['nothing from an empty string', { a: '' }, '$.a.length', undefined],
    ['nothing through null', { a: null }, '$.a.b', undefined],
    ['nothing through a list of objects', { a: [{ b: 1 }] }, '$.a.b', undefined],
    ['a list at the end of the path', { a: { b: [1, 2] } }, '$.a.b', [1, 2]],
    ['an own __proto__ member, as JSON.parse makes it', JSON.parse('{"__proto__":{"x":1}}'), '$.__proto__.x', 1],
    ['a string fact itself, since paths apply to objects only', 'abc', '$.length', 'abc'],
  ])('reads %s', async (_name, value, at, expected) => {
    expect(resolvePath(value, at)).toEqual(expected);
    expect(await almanacRead(value, at)).toEqual(expected);
  });

  it('reads exactly what json-rules-engine reads, for arbitrary values and paths', async () => {
    await fc.assert(
      fc.asyncProperty(factValue, path, async (value, at) => {
        expect(resolvePath(value, at)).toBe(await almanacRead(value, at));
      }),
      { numRuns: 3000 },
    );
  });
});
