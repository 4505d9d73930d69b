import { SpillFile, type SpillSpan } from '../../src/adapters/file/spill-file.js';

/** A spill file that counts its reads, to show what a memory store reads back. */
export class CountingSpill extends SpillFile {
  reads = 0;

  override read(span: SpillSpan): string {
    this.reads += 1;
    return super.read(span);
  }
}
