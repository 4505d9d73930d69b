import { SpillFile, type SpillSpan } from '../../src/adapters/file/spill-file.js';

/** A spill file that counts its reads, to show what a memory store reads back. */
export class CountingSpill extends SpillFile {
  reads = 0;

  /** Every read as text or as bytes (`read` reads its bytes through `readBytes`). */
  override readBytes(span: SpillSpan): Buffer {
    this.reads += 1;
    return super.readBytes(span);
  }

  /** Every read line by line (`readLines` reads through `forEachLineOf`). */
  override forEachLineOf(span: SpillSpan, visit: (bytes: Buffer, start: number, end: number) => void): void {
    this.reads += 1;
    super.forEachLineOf(span, visit);
  }
}
