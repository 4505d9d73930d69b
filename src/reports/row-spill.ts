import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS_PER_CHUNK = 512;

// A spill nobody holds any more closes its descriptor; the file itself is already unlinked.
const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/**
 * Rows a report lists per household, kept in a scratch file instead of the heap: a province's
 * failing households would otherwise sit in memory until the workbook is written. Rows are
 * appended as JSON lines in chunks and read back in the order they came, as often as needed;
 * in memory stay the current chunk and one offset and length per chunk. The file is unlinked as
 * soon as it is created, so nothing is left behind however the command ends.
 */
export class RowSpill<T> implements Iterable<T> {
  private fd: number | null = null;
  private size = 0;
  private readonly chunks: { offset: number; length: number }[] = [];
  private pending: T[] = [];
  private rows = 0;

  get count(): number {
    return this.rows;
  }

  push(row: T): void {
    this.pending.push(row);
    this.rows += 1;
    if (this.pending.length >= ROWS_PER_CHUNK) this.flush();
  }

  *[Symbol.iterator](): Iterator<T> {
    this.flush();
    for (const chunk of this.chunks) {
      const text = this.read(chunk.offset, chunk.length);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) yield JSON.parse(text.slice(start, end)) as T;
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    let text = '';
    for (const row of this.pending) text += `${JSON.stringify(row)}\n`;
    this.pending = [];
    const bytes = Buffer.from(text, 'utf8');
    const fd = this.open();
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, this.size + written);
    this.chunks.push({ offset: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  private read(offset: number, length: number): string {
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const got = readSync(this.open(), bytes, read, length - read, offset + read);
      if (got === 0) throw new Error(`row spill ends before ${offset + length}`);
      read += got;
    }
    return bytes.toString('utf8');
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    const folder = mkdtempSync(join(tmpdir(), 'tuopin-rows-'));
    const fd = openSync(join(folder, 'rows'), 'w+');
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // A platform that cannot unlink an open file keeps it until the temp folder is cleaned.
    }
    descriptors.register(this, fd);
    this.fd = fd;
    return fd;
  }
}
