import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, shapedCanonicalWriter } from '../../../src/kernel/canonical-json.js';
import { factValue } from '../engine/json-like-arbitraries.js';

describe('canonicalJson', () => {
  it('gives the same text whatever order the keys arrived in, at every depth', () => {
    const one = { b: 1, a: { d: [1, 2], c: 'x' } };
    const other = { a: { c: 'x', d: [1, 2] }, b: 1 };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(canonicalJson(one)).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
  });

  it('sorts the keys of objects inside arrays too', () => {
    expect(canonicalJson([{ z: 1, y: 2 }, { x: { w: 1, v: 2 } }])).toBe('[{"y":2,"z":1},{"x":{"v":2,"w":1}}]');
  });

  it('drops members whose value is undefined, so an absent field and an undefined one read the same', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('keeps null members, which are missing data and differ from an absent field', () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('keeps arrays in their order, since the order of members or notices is data', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ list: ['b', 'a'] })).not.toBe(canonicalJson({ list: ['a', 'b'] }));
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('户')).toBe('"户"');
    expect(canonicalJson(4210.5)).toBe('4210.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('shapedCanonicalWriter', () => {
  it('writes the same text as canonicalJson for any value, shapes changing or not, on one writer', () => {
    const writer = shapedCanonicalWriter();
    fc.assert(
      fc.property(fc.array(fc.oneof(factValue, fc.constant({ b: 1, a: [{ d: 1, c: 2 }] }), fc.constant({ a: [{ c: 2, d: 1 }], b: 1 }))), (values) => {
        for (const value of values) expect(writer(value)).toBe(canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts the keys of an object whose fields arrive in a new order after a learned one', () => {
    const writer = shapedCanonicalWriter();
    expect(writer({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
    expect(writer({ a: { c: 2, d: 1, e: undefined }, b: 1, z: null })).toBe('{"a":{"c":2,"d":1},"b":1,"z":null}');
    expect(writer({ b: 1 })).toBe('{"b":1}');
  });
});
