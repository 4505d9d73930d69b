import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonLineOf } from '../../kernel/json-text.js';

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK = 1 << 16;

/**
 * Writes rows as JSON Lines into `file` (a `JsonText` as its text), replacing it, and flushes it to disk. Lines go out in
 * chunks of ~64 KiB rather than one write per line, the cost that dominated the export.
 */
export async function writeJsonLines(file: string, rows: Iterable<unknown> | AsyncIterable<unknown>): Promise<number> {
  const handle = await open(file, 'w');
  try {
    let count = 0;
    // Text lines gather into one string; a line given as bytes is written beside it as it is.
    let pieces: (string | Buffer)[] = [];
    let text = '';
    let size = 0;
    const flush = async () => {
      if (text) pieces.push(text);
      if (pieces.length > 0) await handle.writeFile(pieces.length === 1 && typeof pieces[0] === 'string' ? pieces[0] : Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece))));
      pieces = [];
      text = '';
      size = 0;
    };
    for await (const row of rows) {
      const line = jsonLineOf(row);
      if (typeof line === 'string') text += `${line}\n`;
      else {
        if (text) pieces.push(text);
        text = '\n';
        pieces.push(line);
      }
      size += line.length + 1;
      count += 1;
      if (size >= CHUNK) await flush();
    }
    await flush();
    await handle.sync();
    return count;
  } finally {
    await handle.close();
  }
}

/** The files of an output folder, in the order they are put in place; summary.json comes last. */
export const RUN_FILES = ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl'] as const;
export type RunFileName = (typeof RUN_FILES)[number];
const SUMMARY = 'summary.json';

/**
 * A run's output being written into a staging folder inside the output folder
 * (`out/.staging-<uuid>/`), invisible to readers until `commit` puts it in place.
 */
export interface StagedRunOutput {
  /** Writes (or rewrites) one file of the run in the staging folder. */
  writeLines(name: RunFileName, rows: Iterable<unknown> | AsyncIterable<unknown>): Promise<number>;
  /**
   * Puts the files in place: the previous run's summary.json is removed first, then each data
   * file is renamed over its predecessor, then the new summary.json. summary.json is the mark
   * of a whole run: whenever it is present, the files beside it are all of the run it names.
   */
  commit(summary: unknown): Promise<void>;
  /** Removes the staging folder of a failed export; the previous run stays as it was. */
  abandon(): Promise<void>;
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Starts writing a run's output into `outDir`. Staging folders left by a killed export are
 * removed by the next `commit`.
 */
export async function stageRunOutput(outDir: string): Promise<StagedRunOutput> {
  await mkdir(outDir, { recursive: true });
  const staging = join(outDir, `.staging-${randomUUID()}`);
  await mkdir(staging);
  const written = new Set<RunFileName>();
  return {
    async writeLines(name, rows) {
      const count = await writeJsonLines(join(staging, name), rows);
      written.add(name);
      return count;
    },
    async commit(summary) {
      for (const name of RUN_FILES) if (!written.has(name)) await writeJsonLines(join(staging, name), []);
      const summaryFile = join(staging, SUMMARY);
      const handle = await open(summaryFile, 'w');
      try {
        await handle.writeFile(`${JSON.stringify(summary, null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await syncFolder(staging);
      await unlink(join(outDir, SUMMARY)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await syncFolder(outDir);
      for (const name of RUN_FILES) await rename(join(staging, name), join(outDir, name));
      await syncFolder(outDir);
      await rename(summaryFile, join(outDir, SUMMARY));
      await syncFolder(outDir);
      await removeStaging(outDir);
    },
    abandon: () => rm(staging, { recursive: true, force: true }),
  };
}

async function removeStaging(outDir: string): Promise<void> {
  for (const entry of await readdir(outDir)) {
    if (entry.startsWith('.staging-')) await rm(join(outDir, entry), { recursive: true, force: true });
  }
}

export interface RunFiles {
  readonly verdicts: Iterable<unknown> | AsyncIterable<unknown>;
  readonly scores: Iterable<unknown>;
  readonly lists: Iterable<unknown>;
  readonly summary: unknown;
}

/** The output folder of a run, written whole or not at all (see `stageRunOutput`). */
export async function writeRunOutput(outDir: string, files: RunFiles): Promise<void> {
  const staged = await stageRunOutput(outDir);
  try {
    await staged.writeLines('verdicts.jsonl', files.verdicts);
    await staged.writeLines('scores.jsonl', files.scores);
    await staged.writeLines('accountability.jsonl', files.lists);
    await staged.commit(files.summary);
  } catch (error) {
    await staged.abandon();
    throw error;
  }
}
