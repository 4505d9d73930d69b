import { SpillFile, type SpillSpan } from '../adapters/file/spill-file.js';

/** About 30 KB of rows: a chunk read or written whole stays a young, quickly freed allocation. */
const ROWS_PER_CHUNK = 128;

/**
 * Rows a report lists per household, kept in a scratch file instead of the heap: a province's
 * failing households would otherwise sit in memory until the workbook is written. Rows are
 * appended as JSON lines in chunks and read back in the order they came, as often as needed;
 * in memory stay the current chunk and one span per chunk. The scratch file is the memory
 * stores' (`SpillFile`): unlinked as soon as it is created, so nothing is left behind however
 * the command ends.
 */
export class RowSpill<T> implements Iterable<T> {
  private readonly spill = new SpillFile();
  private readonly chunks: SpillSpan[] = [];
  /** The rows not yet written, as their JSON text (see `push`). */
  private pending: string[] = [];
  private rows = 0;

  get count(): number {
    return this.rows;
  }

  /**
   * Takes a row as its JSON text at once, which is all that is written: the row object is
   * dropped as it comes, instead of waiting for its chunk long enough to outlive the young
   * generation.
   */
  push(row: T): void {
    this.pending.push(JSON.stringify(row));
    this.rows += 1;
    if (this.pending.length >= ROWS_PER_CHUNK) this.flush();
  }

  *[Symbol.iterator](): Iterator<T> {
    this.flush();
    for (const chunk of this.chunks) yield* this.spill.readLines<T>(chunk);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.spill.appendLineTexts(this.pending));
    this.pending = [];
  }
}
