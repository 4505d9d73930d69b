import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

const CHUNK_CHARS = 1 << 16;

/**
 * Writes records as JSON Lines through a file write stream, in chunks of about 64 KB, and waits
 * for `drain` whenever the stream pushes back: memory stays flat however many lines are written.
 */
export class JsonlWriter {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;
  private failure: Error | null = null;
  /** Lines written so far. */
  count = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    // Keep an error that happens between waits (e.g. the open failing) for the next call.
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Queues one record; resolves at once unless a chunk had to wait for the disk. */
  async write(record: unknown): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    this.count += 1;
    if (this.pendingChars >= CHUNK_CHARS) await this.flush();
  }

  /** Writes what is queued, ends the file and waits until it is on disk. */
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    // `once` rejects if the stream emits 'error' while we wait.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
