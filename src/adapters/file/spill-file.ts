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

/** The `length` bytes at `position` of the open file, or null when the file ends before them. */
export function readAt(fd: number, length: number, position: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(length);
  for (let read = 0; read < length; ) {
    const got = readSync(fd, bytes, read, length - read, position + read);
    if (got === 0) return null;
    read += got;
  }
  return bytes;
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

/**
 * An append-only scratch file for the bulky part of the memory stores (household records,
 * verdicts with their explanations, village tallies): the stores keep only small indexes in
 * memory, so a province's run holds per household a few numbers instead of kilobytes.
 *
 * The file is created on the first append and unlinked at once, its folder with it: the open
 * descriptor keeps it readable, and nothing is left on disk when the process ends, however it
 * ends. Space is never reclaimed while the process lives (a replaced record leaves its old text
 * behind), which suits a store that lives for one command or one test.
 */
export class SpillFile {
  private fd: number | null = null;
  private size = 0;

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

  /** The bytes of a span appended before: outside the heap, for text that is only passed on. */
  readBytes(span: SpillSpan): Buffer {
    const bytes = readAt(this.open(), span.length, span.offset);
    if (bytes === null) throw new Error(`spill file ends before ${span.offset + span.length}`);
    return bytes;
  }

  /** Appends JSON lines, one per value. */
  appendLines(values: readonly unknown[]): SpillSpan {
    return this.appendLineTexts(values.map((value) => JSON.stringify(value)));
  }

  /**
   * Appends lines of text, each with its newline. Each line becomes bytes on its own: a batch
   * joined into one string first (a village's verdicts, megabytes) would be allocated where only
   * a full collection frees it, and a province's villages outran the collector.
   */
  appendLineTexts(lines: readonly string[]): SpillSpan {
    return this.append(Buffer.concat(lines.map((line) => Buffer.from(`${line}\n`, 'utf8'))));
  }

  /** The values of a span written by `appendLines`, each line decoded on its own (see `appendLineTexts`). */
  readLines<T>(span: SpillSpan): T[] {
    const bytes = this.readBytes(span);
    const values: T[] = [];
    forEachLine(bytes, (start, end) => values.push(JSON.parse(bytes.toString('utf8', start, end)) as T));
    return values;
  }
}
