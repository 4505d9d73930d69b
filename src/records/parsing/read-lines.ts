import { chooseEncoding, DETECTION_WINDOW_BYTES, encodingOfBom, firstBadByte, strictDecoder, tryDecode } from './detect-encoding.js';
import { copyOf, splitByteLines, type LineLayout } from './split-byte-lines.js';
import { type TextEncodingName, DatasetEncodingError } from '../record-errors.js';

export interface ReadLinesOptions {
  /** The file's name, for a refusal to name. */
  readonly file?: string;
}

const encoder = new TextEncoder();

async function* asBytes(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** The encoding a byte-order mark declares, and the bytes after the mark. */
async function sniffBom(chunks: AsyncIterable<Uint8Array>): Promise<{ declared: TextEncodingName | null; rest: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < 3) {
    const next = await iterator.next();
    if (next.done === true) break;
    // Copied: the source may reuse a chunk's bytes for the next.
    head.push(copyOf(next.value));
    size += next.value.length;
  }
  const first = new Uint8Array(size);
  head.reduce((at, part) => (first.set(part, at), at + part.length), 0);
  const bom = encodingOfBom(first);
  async function* rest(): AsyncGenerator<Uint8Array> {
    try {
      yield first.subarray(bom?.length ?? 0);
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early (a refused line, a `break`) ends the source too: its file is closed.
      await iterator.return?.();
    }
  }
  return { declared: bom?.encoding ?? null, rest: rest() };
}

/**
 * Why held lines fit no encoding. A file that reads as UTF-8 (or GB18030) for a while before a
 * bad line is refused as that encoding, at that line; otherwise as neither, at the first line
 * that is not UTF-8.
 */
function refusal(file: string, held: readonly Uint8Array[], firstHeld: number): DatasetEncodingError {
  const firstBad = (encoding: TextEncodingName): number => held.findIndex((line) => tryDecode(encoding, line) === null);
  const utf8Bad = firstBad('utf-8');
  if (utf8Bad > 0) return new DatasetEncodingError(file, 'utf-8', firstHeld + utf8Bad, firstBadByte('utf-8', held[utf8Bad]!));
  const gbBad = firstBad('gb18030');
  if (gbBad > 0) return new DatasetEncodingError(file, 'gb18030', firstHeld + gbBad, firstBadByte('gb18030', held[gbBad]!));
  const at = Math.max(0, utf8Bad);
  return new DatasetEncodingError(file, 'utf-8 or gb18030', firstHeld + at, firstBadByte('utf-8', held[at]!));
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * Splits a file, given as a stream of byte chunks (or of text), into lines without holding
 * the whole input: `\n` and `\r\n` end a line, a final line without a newline is still
 * yielded, and a byte-order mark is dropped. Line `n` of the file is the `n`-th value yielded
 * (blank lines included).
 *
 * The bytes are decoded strictly, never with a character substituted: a byte-order mark
 * decides the encoding (UTF-8, UTF-16LE, UTF-16BE); without one, the lines are read as ASCII
 * until the first byte that is not, and the encoding is chosen from there (`chooseEncoding`:
 * UTF-8 if valid, else GB18030 if valid and mostly Chinese). Bytes that are not valid in the
 * encoding throw `DatasetEncodingError` naming the encoding and the line.
 */
export async function* readLines(chunks: AsyncIterable<string | Uint8Array>, options: ReadLinesOptions = {}): AsyncGenerator<string> {
  const file = options.file ?? '(input)';
  const { declared, rest } = await sniffBom(asBytes(chunks));
  const layout: LineLayout = declared === 'utf-16le' || declared === 'utf-16be' ? declared : 'single-byte';
  let encoding = declared;
  let decoder = encoding === null ? null : strictDecoder(encoding);
  const decode = (line: Uint8Array, lineNumber: number): string => {
    try {
      return stripCarriageReturn(decoder!.decode(line));
    } catch {
      throw new DatasetEncodingError(file, encoding!, lineNumber, firstBadByte(encoding!, line));
    }
  };
  // Lines from the first one that is not ASCII, held until there are enough bytes to decide on.
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let firstHeld = 0;
  const decide = (): void => {
    encoding = chooseEncoding(held);
    if (encoding === null) throw refusal(file, held, firstHeld);
    decoder = strictDecoder(encoding);
  };

  let lineNumber = 0;
  for await (const line of splitByteLines(rest, layout)) {
    lineNumber += 1;
    if (encoding !== null) {
      yield decode(line, lineNumber);
      continue;
    }
    if (held.length === 0) {
      // Undecided: a line of ASCII reads the same in UTF-8 and GB18030.
      const text = tryDecode('utf-8', line);
      if (text !== null && text.length === line.length) {
        yield stripCarriageReturn(text);
        continue;
      }
      firstHeld = lineNumber;
    }
    // Copied: a line's bytes are valid only until the next line is read (`splitByteLines`).
    held.push(copyOf(line));
    heldBytes += line.length + 1;
    if (heldBytes < DETECTION_WINDOW_BYTES) continue;
    decide();
    for (const [index, heldLine] of held.entries()) yield decode(heldLine, firstHeld + index);
    held = [];
  }
  if (held.length > 0) {
    decide();
    for (const [index, heldLine] of held.entries()) yield decode(heldLine, firstHeld + index);
  }
}
