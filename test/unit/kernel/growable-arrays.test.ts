import { describe, expect, it } from 'vitest';
import { arrayOf, grown, OWN_MEMORY_BYTES } from '../../../src/kernel/growable-arrays.js';

/**
 * Whether the array sits in memory of its own: transferring an ordinary buffer detaches it, a
 * WebAssembly memory's cannot be detached (it is copied instead). Leaves an ordinary array empty.
 */
function inMemoryOfItsOwn(array: { readonly buffer: ArrayBufferLike }): boolean {
  const { buffer } = array;
  structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
  return buffer.byteLength > 0;
}

describe('growable arrays', () => {
  it('gives a small array an ordinary buffer, and one of a mebibyte or more memory of its own, zeroed', () => {
    const small = arrayOf(Int32Array, OWN_MEMORY_BYTES / 4 - 1);
    expect(small.buffer.byteLength).toBe(OWN_MEMORY_BYTES - 4);
    expect(inMemoryOfItsOwn(small)).toBe(false);
    const large = arrayOf(Float64Array, OWN_MEMORY_BYTES / 8 + 1);
    expect(large).toBeInstanceOf(Float64Array);
    expect(large.length).toBe(OWN_MEMORY_BYTES / 8 + 1);
    expect(large.every((value) => value === 0)).toBe(true);
    expect(inMemoryOfItsOwn(large)).toBe(true);
  });

  it('keeps every element when it grows past the mebibyte into memory of its own', () => {
    let array = arrayOf(Uint8Array, 1 << 10);
    for (let i = 0; i < array.length; i += 1) array[i] = i % 251;
    array = grown(array, OWN_MEMORY_BYTES + 1);
    expect(array.length).toBe(OWN_MEMORY_BYTES * 2);
    for (let i = 0; i < 1 << 10; i += 1) expect(array[i]).toBe(i % 251);
    expect(array.subarray(1 << 10).every((value) => value === 0)).toBe(true);
    expect(inMemoryOfItsOwn(array)).toBe(true);
  });

  it('doubles an array until it holds what is asked', () => {
    const array = grown(Int32Array.of(7, 8, 9), 13);
    expect([...array]).toEqual([7, 8, 9, ...Array.from({ length: 21 }, () => 0)]);
  });
});
