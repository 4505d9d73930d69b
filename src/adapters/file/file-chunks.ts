import { open } from 'node:fs/promises';

/** Bytes read at a time: few reads, and one buffer small enough to be nothing beside a run. */
const CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes, chunk by chunk, all read into one buffer that is reused: each chunk is valid
 * only until the next is asked for, so a reader copies whatever it keeps (`splitByteLines`
 * keeps a line cut by the chunk's end, `readLines` the few lines it holds to decide an
 * encoding). A stream would allocate a new buffer per chunk, outside the heap, and a province's
 * files (gigabytes of households, of verdicts for the reports) left hundreds of megabytes of
 * them waiting for a collection.
 */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
