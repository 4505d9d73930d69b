import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two real `tuopin` processes on one --db, as two clerks (or a cron job and a clerk) start them.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = join(root, 'bin/tuopin.mjs');
const example = join(root, 'test/fixtures/example');
const drafts = join(root, 'test/fixtures/drafts');

function run(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

/** What a racing command may end in: success, or one of the typed refusals; never a raw fault or a stack. */
function expectCleanOutcome(result: { code: number | null; stderr: string }, db: string, allowed: RegExp): void {
  expect(result.stderr).not.toMatch(/Database is closed|ECONNREFUSED|\n\s+at /);
  if (result.code === 0) return;
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(allowed);
  if (/STORE_IN_USE/.test(result.stderr)) {
    expect(result.stderr).toContain(db);
    expect(result.stderr).toMatch(/正被另一个进程使用.*in use by another process/);
  }
}

let work: string;
let db: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tuopin-race-'));
  db = join(work, 'db');
  const imported = await run(['import', '--data', example, '--db', db]);
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('two commands on one --db', () => {
  it('nightly racing nightly: one runs, the other ends in STORE_IN_USE naming the folder, never a raw fault', async () => {
    const results = await Promise.all([0, 1, 2].map(() => run(['nightly', '--quarter', '2018Q4', '--db', db])));
    for (const result of results) expectCleanOutcome(result, db, /STORE_IN_USE/);
    expect(results.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('publish racing publish: one publishes, the others end in STORE_IN_USE, RULE_SET_CONFLICT or the gate refusal', async () => {
    const publish = ['rules', 'publish', join(drafts, 'household-exit-v2.json'), '--cases', join(drafts, 'household-exit-v2.cases.json'), '--author', '王芳', '--note', 'race', '--accept-impact', '--allow-self-approval', '--db', db];
    const results = await Promise.all([0, 1, 2].map(() => run(publish)));
    for (const result of results) expectCleanOutcome(result, db, /STORE_IN_USE|RULE_SET_CONFLICT|refused/);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
  }, 180_000);
});

describe('a store process that dies under its command', () => {
  it('ends tuopin serve with STORE_STOPPED naming the folder, not with a stack or ECONNREFUSED', async () => {
    const serve = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', db], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    serve.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => serve.on('close', resolve));
    await new Promise<void>((resolve) =>
      serve.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Ctrl-C to stop')) resolve();
      }),
    );
    // The store is the serve process's only child.
    const store = Number(readFileSync(`/proc/${serve.pid}/task/${serve.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
    process.kill(store, 'SIGKILL');
    expect(await exit).toBe(1);
    expect(stderr).toContain('STORE_STOPPED');
    expect(stderr).toContain(db);
    expect(stderr).not.toMatch(/ECONNREFUSED|\n\s+at /);
  }, 60_000);
});
