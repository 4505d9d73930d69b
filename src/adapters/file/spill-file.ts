import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NEWLINE = 0x0a;

/** Calls `visit` with where each newline-ended line of `bytes` starts and ends (its newline left out). */
export function forEachLine(bytes: Buffer, visit: (start: number, end: number) => void): void {
  for (let start = 0, end = bytes.indexOf(NEWLINE); end !== -1; start = end + 1, end = bytes.indexOf(NEWLINE, start)) visit(start, end);
}

/** Writes all of `bytes` at `position` of the open file (a write may take fewer bytes than asked). */
export function writeAt(fd: number, bytes: Buffer, position: number): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
}

/** Fills all of `bytes` from `position` of the open file (a read may give fewer bytes than asked); false when the file ends first. */
function readInto(fd: number, bytes: Buffer, position: number): boolean {
  for (let read = 0; read < bytes.length; ) {
    const got = readSync(fd, bytes, read, bytes.length - read, position + read);
    if (got === 0) return false;
    read += got;
  }
  return true;
}

/** The `length` bytes at `position` of the open file, or null when the file ends before them. */
export function readAt(fd: number, length: number, position: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(length);
  return readInto(fd, bytes, position) ? bytes : null;
}

/** Where a piece of text sits in a spill file. */
export interface SpillSpan {
  readonly offset: number;
  readonly length: number;
}

// A spill file nobody holds any more closes its descriptor; the file itself is already unlinked.
const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/** A scratch buffer starts this large and doubles when a span or a line needs more. */
const SCRATCH_BYTES = 64 * 1024;

/**
 * An append-only scratch file for the bulky part of the memory stores (household records,
 * verdicts with their explanations, village tallies): the stores keep only small indexes in
 * memory, so a province's run holds per household a few numbers instead of kilobytes.
 *
 * The file is created on the first append and unlinked at once, its folder with it: the open
 * descriptor keeps it readable, and nothing is left on disk when the process ends, however it
 * ends. Space is never reclaimed while the process lives (a replaced record leaves its old text
 * behind), which suits a store that lives for one command or one test.
 *
 * Lines are written and parsed through one buffer the file keeps (`appendLineTexts`,
 * `forEachLineOf`): a Buffer per line or per span lives outside the heap until a full
 * collection frees it, and a province's run made them faster than the collector ran (up to
 * 60 MB of them waiting at once). `readBytes` still gives bytes of their own, for text that is
 * held on to.
 */
export class SpillFile {
  private fd: number | null = null;
  private size = 0;
  private scratch: Buffer | null = null;
  /** The scratch buffer is lent out (a visit is running): a nested use gets a buffer of its own. */
  private lent = false;

  private open(): number {
    if (this.fd !== null) return this.fd;
    const folder = mkdtempSync(join(tmpdir(), 'tuopin-spill-'));
    const path = join(folder, 'spill');
    const fd = openSync(path, 'w+');
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // A platform that cannot unlink an open file keeps it until the temp folder is cleaned.
    }
    descriptors.register(this, fd);
    this.fd = fd;
    return fd;
  }

  /** Appends the text (UTF-8), or bytes as they are, and says where they went. */
  append(text: string | Buffer): SpillSpan {
    const fd = this.open();
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    writeAt(fd, bytes, this.size);
    const span = { offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return span;
  }

  /** The text of a span appended before. */
  read(span: SpillSpan): string {
    return this.readBytes(span).toString('utf8');
  }

  /** The bytes of a span appended before, in a Buffer of their own: for text that is held or passed on. */
  readBytes(span: SpillSpan): Buffer {
    return this.fill(Buffer.allocUnsafe(span.length), span);
  }

  /** Appends JSON lines, one per value. */
  appendLines(values: readonly unknown[]): SpillSpan {
    return this.appendLineTexts(values.map((value) => JSON.stringify(value)));
  }

  /**
   * Appends lines of text, each with its newline, encoded into the scratch buffer and written
   * whenever it fills. Lines are never joined into one string first: a village's verdicts
   * (megabytes) would be allocated where only a full collection frees it. `lineLengths`, when
   * given, receives each line's length in bytes, its newline included.
   */
  appendLineTexts(lines: readonly string[], lineLengths?: Int32Array): SpillSpan {
    const fd = this.open();
    const offset = this.size;
    this.withScratch(0, (initial) => {
      let buffer = initial;
      let used = 0;
      lines.forEach((line, index) => {
        // UTF-8 takes at most three bytes per UTF-16 unit; the exact length is asked only near the end.
        let room = line.length * 3 + 1;
        if (used + room > buffer.length) room = Buffer.byteLength(line, 'utf8') + 1;
        if (used + room > buffer.length) {
          writeAt(fd, buffer.subarray(0, used), this.size);
          this.size += used;
          used = 0;
          // A nested call's buffer is its own: it grows without touching the one lent out.
          if (room > buffer.length) buffer = buffer === this.scratch ? this.grownScratch(room) : Buffer.allocUnsafe(room);
        }
        const length = buffer.write(line, used, 'utf8') + 1;
        buffer[used + length - 1] = NEWLINE;
        used += length;
        if (lineLengths) lineLengths[index] = length;
      });
      writeAt(fd, buffer.subarray(0, used), this.size);
      this.size += used;
    });
    return { offset, length: this.size - offset };
  }

  /**
   * Calls `visit` with each line of a span written by `appendLineTexts`: the bytes are the
   * scratch buffer's and hold the line only while `visit` runs, so it parses or copies what it keeps.
   */
  forEachLineOf(span: SpillSpan, visit: (bytes: Buffer, start: number, end: number) => void): void {
    this.withScratch(span.length, (buffer) => {
      const bytes = this.fill(buffer.subarray(0, span.length), span);
      forEachLine(bytes, (start, end) => visit(bytes, start, end));
    });
  }

  /** `bytes` filled with the span's bytes (as long as it); a span past the end of the file is an error. */
  private fill(bytes: Buffer, span: SpillSpan): Buffer {
    if (!readInto(this.open(), bytes, span.offset)) throw new Error(`spill file ends before ${span.offset + span.length}`);
    return bytes;
  }

  /** The values of a span written by `appendLines`, each line decoded on its own (see `appendLineTexts`). */
  readLines<T>(span: SpillSpan): T[] {
    const values: T[] = [];
    this.forEachLineOf(span, (bytes, start, end) => values.push(JSON.parse(bytes.toString('utf8', start, end)) as T));
    return values;
  }

  /** Runs `use` with the scratch buffer, at least `bytes` long; a nested call gets a buffer of its own. */
  private withScratch(bytes: number, use: (buffer: Buffer) => void): void {
    if (this.lent) return use(Buffer.allocUnsafe(Math.max(bytes, SCRATCH_BYTES)));
    this.lent = true;
    try {
      use(this.scratch !== null && this.scratch.length >= bytes ? this.scratch : this.grownScratch(bytes));
    } finally {
      this.lent = false;
    }
  }

  private grownScratch(bytes: number): Buffer {
    let length = Math.max(this.scratch?.length ?? SCRATCH_BYTES, SCRATCH_BYTES);
    while (length < bytes) length *= 2;
    if (this.scratch === null || this.scratch.length < length) this.scratch = Buffer.allocUnsafe(length);
    return this.scratch;
  }
}
