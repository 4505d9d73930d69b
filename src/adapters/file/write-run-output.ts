import { mkdir, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

/** Writes objects as JSON Lines through a stream, honouring backpressure. */
export async function writeJsonLines(file: string, rows: Iterable<unknown>): Promise<number> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  let count = 0;
  for (const row of rows) {
    if (!stream.write(`${JSON.stringify(row)}\n`)) await once(stream, 'drain');
    count += 1;
  }
  stream.end();
  await once(stream, 'finish');
  return count;
}

export interface RunFiles {
  readonly verdicts: Iterable<unknown>;
  readonly scores: Iterable<unknown>;
  readonly lists: Iterable<unknown>;
  readonly summary: unknown;
}

/** The output folder of a run: verdicts, scores and lists as JSON Lines, and summary.json. */
export async function writeRunOutput(outDir: string, files: RunFiles): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeJsonLines(join(outDir, 'verdicts.jsonl'), files.verdicts);
  await writeJsonLines(join(outDir, 'scores.jsonl'), files.scores);
  await writeJsonLines(join(outDir, 'accountability.jsonl'), files.lists);
  await writeFile(join(outDir, 'summary.json'), `${JSON.stringify(files.summary, null, 2)}\n`);
}
