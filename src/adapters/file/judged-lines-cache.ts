import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readAt, writeAt } from './spill-file.js';

const INDEX = 'index.json';
const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const LINES_PREFIX = 'lines-';

const IndexSchema = z.object({
  layout: z.literal(1),
  file: z.string().regex(/^lines-[0-9a-f-]+$/),
  /** Village id → [inputs digest, offset, length in `file`, SHA-256 of the bytes]. */
  villages: z.record(z.string(), z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative(), z.string()])),
});

/** A village's lines as the cache keeps them: the inputs digest they were judged from, and their bytes. */
export interface CachedLines {
  readonly villageId: string;
  readonly inputs: string;
  readonly bytes: Buffer;
}

/**
 * The verdict lines of the villages the last `tuopin score` on an embedded store judged or kept,
 * in the store's own folder (`judged/`), each under the inputs digest it was judged from. A run
 * that keeps a village as stored (its inputs unchanged) takes the village's lines from here for
 * its output instead of reading every verdict back from the store.
 *
 * It is a cache of a pure function: an entry is used only for the same inputs digest, which
 * names the code, the rule sets and every record judged, so whatever happened to the store
 * since, an entry is never wrong, only missing: an unreadable or foreign index reads as empty,
 * and lines whose bytes no longer hash to what the index recorded read as missing.
 * A save writes a new lines file, then swaps the index in with a rename, then removes the old
 * file: an interrupted save leaves the old cache or the new one, whole.
 */
export class JudgedLinesCache {
  private constructor(
    private readonly folder: string,
    private readonly index: z.infer<typeof IndexSchema> | null,
  ) {}

  static async open(folder: string): Promise<JudgedLinesCache> {
    try {
      const parsed = IndexSchema.safeParse(JSON.parse(await readFile(join(folder, INDEX), 'utf8')));
      return new JudgedLinesCache(folder, parsed.success ? parsed.data : null);
    } catch {
      return new JudgedLinesCache(folder, null);
    }
  }

  /** The village's lines judged from exactly these inputs, or null. */
  lines(villageId: string, inputs: string): Buffer | null {
    const entry = this.index !== null && Object.hasOwn(this.index.villages, villageId) ? this.index.villages[villageId]! : null;
    if (entry === null || entry[0] !== inputs) return null;
    const [, offset, length, sha256] = entry;
    try {
      const fd = openSync(join(this.folder, this.index!.file), 'r');
      try {
        const bytes = readAt(fd, length, offset);
        return bytes !== null && hashOf(bytes) === sha256 ? bytes : null;
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
  }

  /** Replaces the cache with these villages' lines. */
  async save(entries: Iterable<CachedLines>): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const file = `${LINES_PREFIX}${randomUUID()}`;
    const villages: Record<string, [string, number, number, string]> = {};
    const fd = openSync(join(this.folder, file), 'w');
    try {
      let size = 0;
      for (const { villageId, inputs, bytes } of entries) {
        writeAt(fd, bytes, size);
        villages[villageId] = [inputs, size, bytes.length, hashOf(bytes)];
        size += bytes.length;
      }
    } finally {
      closeSync(fd);
    }
    const staged = join(this.folder, `${INDEX}.${randomUUID()}`);
    await writeFile(staged, JSON.stringify({ layout: 1, file, villages }));
    await rename(staged, join(this.folder, INDEX));
    for (const name of await readdir(this.folder)) {
      if (name !== file && (name.startsWith(LINES_PREFIX) || name.startsWith(`${INDEX}.`))) await rm(join(this.folder, name), { force: true });
    }
  }
}
