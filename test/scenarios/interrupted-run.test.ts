import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin/tuopin.mjs');
const sample = join(root, 'data/sample-county');
const OUTPUTS = ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl'];

let work: string;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function run(args: string[], killWhen?: (stderr: string) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killWhen?.(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a nightly run killed in the middle', () => {
  it('is completed by the next run, whose outputs equal those of an uninterrupted run', async () => {
    work = await mkdtemp(join(tmpdir(), 'tuopin-killed-'));
    const db = join(work, 'db');
    // Killed at its first progress line of the scoring (--progress: stderr is a pipe here).
    const killed = await run(['score', '--data', sample, '--quarter', '2018Q4', '--out', join(work, 'killed'), '--db', db, '--progress', '--lang', 'en'], (stderr) =>
      /villages judged \d+\/38/.test(stderr),
    );
    expect(killed.signal).toBe('SIGKILL');

    const resumed = await run(['score', '--data', sample, '--quarter', '2018Q4', '--out', join(work, 'resumed'), '--db', db]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const clean = await run(['score', '--data', sample, '--quarter', '2018Q4', '--out', join(work, 'clean'), '--store', 'memory']);
    expect(clean.code, clean.stderr).toBe(0);

    for (const file of OUTPUTS) {
      const [after, uninterrupted] = await Promise.all([readFile(join(work, 'resumed', file), 'utf8'), readFile(join(work, 'clean', file), 'utf8')]);
      expect(after.length).toBeGreaterThan(0);
      expect(after === uninterrupted, `${file} differs`).toBe(true);
    }
  }, 120_000);

  it('is followed by a re-run over unchanged data that writes no verdict and gives the same files', async () => {
    const db = join(work, 'db');
    const again = await run(['score', '--data', sample, '--quarter', '2018Q4', '--out', join(work, 'again'), '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(work, 'again', 'summary.json'), 'utf8')) as { writes: { verdicts: number } };
    expect(summary.writes.verdicts).toBe(0);
    for (const file of OUTPUTS) {
      const [second, first] = await Promise.all([readFile(join(work, 'again', file), 'utf8'), readFile(join(work, 'resumed', file), 'utf8')]);
      expect(second === first, `${file} differs`).toBe(true);
    }
  }, 120_000);
});
