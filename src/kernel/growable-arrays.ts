/** The typed arrays that hold a province's ids and slots, and grow with it. */
export type GrowableArray = Uint8Array | Int32Array | Float64Array;
/** `Uint8Array`, `Int32Array` or `Float64Array` itself: a view's constructor and its element size. */
type ArrayKind<T extends GrowableArray> = (new (buffer: ArrayBuffer, byteOffset: number, length: number) => T) & { readonly BYTES_PER_ELEMENT: number };

/** From this size on an array gets memory of its own (see `arrayOf`). */
export const OWN_MEMORY_BYTES = 1 << 20;
const PAGE_BYTES = 1 << 16;

/** The part of the WebAssembly global used here: the project's libraries do not include the DOM's types, which declare it. */
declare const WebAssembly: { readonly Memory: new (descriptor: { readonly initial: number }) => { readonly buffer: ArrayBuffer } };

/**
 * A zeroed array of `length` elements. A small one is an ordinary typed array; one of a
 * mebibyte or more sits in memory of its own, mapped for it and unmapped when it is collected.
 *
 * Why: an ordinary typed array's bytes come from the C heap, and the C heap keeps what a freed
 * array leaves between live ones. A province's id maps and indexes grow by doubling while the
 * import runs, and the import's map is dropped when it ends: at a million households those
 * freed arrays stayed resident for the rest of the run, about 40 MiB that a 100,000-household
 * run never had. A WebAssembly memory is the one allocation JavaScript has that is mapped on
 * its own (its pages, 64 KiB each, are zero until written and count only once written); views
 * on it are ordinary typed arrays, as fast as any other. Each memory also reserves address
 * space beyond its pages (V8 guards a memory with unmapped space), which costs no memory: a
 * process's virtual size grows by gigabytes, its resident size does not.
 */
export function arrayOf<T extends GrowableArray>(kind: ArrayKind<T>, length: number): T {
  const bytes = length * kind.BYTES_PER_ELEMENT;
  if (bytes < OWN_MEMORY_BYTES) return new kind(new ArrayBuffer(bytes), 0, length);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE_BYTES) });
  return new kind(memory.buffer, 0, length);
}

/** A copy of `array` with room for at least `atLeast` elements, doubling its length. */
export function grown<T extends GrowableArray>(array: T, atLeast: number): T {
  let capacity = array.length * 2;
  while (capacity < atLeast) capacity *= 2;
  const next = arrayOf(array.constructor as ArrayKind<T>, capacity);
  next.set(array);
  return next;
}
