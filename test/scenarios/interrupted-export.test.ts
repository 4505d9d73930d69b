import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin/tuopin.mjs');
const sample = join(root, 'data/sample-county');
const FILES = ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl', 'summary.json'];
const REPORTS = ['report.xlsx', 'accountability.pdf'];

let work: string;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** True once the export has started writing verdicts into `out`, staged or in place. */
function exportStarted(out: string, previous: { size: number; mtimeMs: number }): boolean {
  for (const entry of readdirSync(out)) {
    if (!entry.startsWith('.staging-')) continue;
    try {
      if (statSync(join(out, entry, 'verdicts.jsonl')).size > 0) return true;
    } catch {
      // not created yet
    }
  }
  const now = statSync(join(out, 'verdicts.jsonl'), { throwIfNoEntry: false });
  return now !== undefined && (now.size !== previous.size || now.mtimeMs !== previous.mtimeMs);
}

function score(out: string, kill?: () => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'score', '--data', sample, '--quarter', '2018Q4', '--out', out, '--store', 'memory'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = kill ? setInterval(() => kill() && child.kill('SIGKILL'), 1) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

describe('an export killed while it writes', () => {
  it('leaves the previous run whole in the output folder, and the next run replaces it whole', async () => {
    work = await mkdtemp(join(tmpdir(), 'tuopin-killed-export-'));
    const out = join(work, 'out');
    const first = await score(out);
    expect(first.code, first.stderr).toBe(0);
    const before = await Promise.all(FILES.map((file) => readFile(join(out, file), 'utf8')));
    const { size, mtimeMs } = statSync(join(out, 'verdicts.jsonl'));

    const killed = await score(out, () => exportStarted(out, { size, mtimeMs }));
    expect(killed.signal).toBe('SIGKILL');
    const after = await Promise.all(FILES.map((file) => readFile(join(out, file), 'utf8')));
    // The summary still names the first run, and every file beside it is that run's.
    expect(JSON.parse(after[3]!).runId).toBe(JSON.parse(before[3]!).runId);
    for (const [index, file] of FILES.entries()) expect(after[index] === before[index], `${file} changed`).toBe(true);

    const next = await score(out);
    expect(next.code, next.stderr).toBe(0);
    // Beside the run's files, only the reports made from them (report.xlsx, and the PDF where the font is installed).
    expect(readdirSync(out).filter((name) => !REPORTS.includes(name)).sort()).toEqual([...FILES].sort());
    expect(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')).runId).not.toBe(JSON.parse(before[3]!).runId);
    expect(await readFile(join(out, 'verdicts.jsonl'), 'utf8')).toBe(before[0]);
  }, 120_000);
});
