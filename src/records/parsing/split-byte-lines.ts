/** How a newline is written in the bytes: one byte 0x0A (UTF-8, GB18030, ASCII) or one UTF-16 code unit. */
export type LineLayout = 'single-byte' | 'utf-16le' | 'utf-16be';

/** A copy of the bytes (a Buffer's `slice` would share them). */
export const copyOf = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * The index of the next newline at or after `from` (an even offset for UTF-16), or -1. In
 * UTF-8 and GB18030 the byte 0x0A is never part of a longer character, so it always ends a line.
 */
function nextNewline(bytes: Uint8Array, from: number, layout: LineLayout): number {
  if (layout === 'single-byte') return bytes.indexOf(0x0a, from);
  let i = from;
  for (;;) {
    i = bytes.indexOf(0x0a, i);
    if (i === -1) return -1;
    if (layout === 'utf-16le' && i % 2 === 0 && i + 1 < bytes.length && bytes[i + 1] === 0) return i;
    if (layout === 'utf-16be' && i % 2 === 1 && bytes[i - 1] === 0) return i - 1;
    i += 1;
  }
}

/**
 * Splits a stream of bytes into the bytes of each line, before any decoding, so that a line
 * that cannot be decoded is known by its number. Only the line being read is held. The newline
 * is left out; a `\r` before it is left in (it is text, stripped once decoded). A last line
 * without a newline is still yielded; an empty input yields nothing.
 *
 * A chunk may be reused by its source once the next is asked for (`fileChunks`): a yielded
 * line is valid until the next line is asked for, and the part of a line a chunk cuts off is
 * copied. In a single-byte encoding the lines of a chunk are its own bytes, never copied.
 */
export async function* splitByteLines(chunks: AsyncIterable<Uint8Array>, layout: LineLayout): AsyncGenerator<Uint8Array> {
  if (layout === 'single-byte') {
    yield* splitSingleByteLines(chunks);
    return;
  }
  // A UTF-16 newline is one code unit, two bytes.
  const newlineLength = 2;
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    const bytes = concat(pending, chunk);
    let start = 0;
    let end = nextNewline(bytes, start, layout);
    while (end !== -1) {
      yield bytes.subarray(start, end);
      start = end + newlineLength;
      end = nextNewline(bytes, start, layout);
    }
    pending = copyOf(bytes.subarray(start));
  }
  if (pending.length > 0) yield pending;
}

/** `splitByteLines` where 0x0A is a newline wherever it stands: no chunk is joined to the one before it. */
async function* splitSingleByteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let start = 0;
    if (pending.length > 0) {
      const end = chunk.indexOf(0x0a);
      if (end === -1) {
        pending = concat(pending, chunk);
        continue;
      }
      yield concat(pending, chunk.subarray(0, end));
      start = end + 1;
    }
    for (let end = chunk.indexOf(0x0a, start); end !== -1; start = end + 1, end = chunk.indexOf(0x0a, start)) yield chunk.subarray(start, end);
    pending = copyOf(chunk.subarray(start));
  }
  if (pending.length > 0) yield pending;
}
