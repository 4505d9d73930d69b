import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./peak-rss-child.mjs', import.meta.url));

export interface CommandRun {
  readonly seconds: number;
  readonly peakRssMiB: number;
  readonly summary: { readonly writes: { readonly verdicts: number }; readonly stageSeconds: Record<string, number> } | null;
}

/** Runs `tuopin <args>` as its own process, as a clerk would: wall time and peak memory. */
export function runTuopin(args: readonly string[]): Promise<{ seconds: number; peakRssMiB: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rss = /peak-rss-kib (\d+)/.exec(stderr);
      resolve({ seconds, peakRssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN, code, stderr });
    });
  });
}

async function scored(args: readonly string[], out: string): Promise<CommandRun> {
  const run = await runTuopin(['score', ...args, '--out', out]);
  if (run.code !== 0) throw new Error(`tuopin score ${args.join(' ')} failed:\n${run.stderr}`);
  const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as CommandRun['summary'];
  return { seconds: run.seconds, peakRssMiB: run.peakRssMiB, summary };
}

/** `tuopin score --store memory` on a dataset folder: the whole command, start-up and output included. */
export async function measureMemoryScore(folder: string, quarter: string): Promise<CommandRun> {
  const out = await mkdtemp(join(tmpdir(), 'tuopin-bench-out-'));
  try {
    return await scored(['--data', folder, '--quarter', quarter, '--store', 'memory'], out);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** `tuopin score` twice on one embedded-store folder: the first run, then the re-run over unchanged data. */
export async function measureStoreRerun(folder: string, quarter: string): Promise<{ first: CommandRun; rerun: CommandRun }> {
  const work = await mkdtemp(join(tmpdir(), 'tuopin-bench-store-'));
  try {
    const args = ['--data', folder, '--quarter', quarter, '--db', join(work, 'db')];
    const first = await scored(args, join(work, 'first'));
    const rerun = await scored(args, join(work, 'rerun'));
    return { first, rerun };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Median wall time of `tuopin --help`: the start-up every command pays. */
export async function measureStartup(times = 5): Promise<number> {
  const seconds: number[] = [];
  for (let index = 0; index < times; index += 1) seconds.push((await runTuopin(['--help'])).seconds);
  return seconds.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}
