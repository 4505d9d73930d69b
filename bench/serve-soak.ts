// Soak of `tuopin serve`: many GET /verdicts requests on loopback, printing the resident memory of
// the serve process and of its embedded store's child every N requests. A bounded loop, not a
// timed test: run it by hand and read whether the store's RSS levels off.
//
//   node --import tsx bench/serve-soak.ts [--requests 28000] [--every 1000] [--concurrency 4] [--db DIR]
//
// Without --db it scores data/sample-county into a temporary store first (a minute or two).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readIdentityKeys, signedFetch } from '../src/cli/serve/signing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TUOPIN = join(ROOT, 'bin/tuopin.mjs');
const SAMPLE = join(ROOT, 'data/sample-county');

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '28000' }, every: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '4' }, db: { type: 'string' } },
});
const total = Number(values.requests);
const every = Number(values.every);
const concurrency = Number(values.concurrency);

/** VmRSS of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

/** The pids of a process's children (the embedded store is the serve process's only child). */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

const temp = await mkdtemp(join(tmpdir(), 'tuopin-soak-'));
const db = values.db ?? join(temp, 'db');
if (!existsSync(db)) {
  process.stdout.write(`scoring ${SAMPLE} into ${db} …\n`);
  const scored = spawnSync(process.execPath, [TUOPIN, 'score', '--data', SAMPLE, '--quarter', '2018Q4', '--out', join(temp, 'out'), '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (scored.status !== 0) throw new Error(`tuopin score failed (${scored.status})`);
}
const households = readFileSync(join(SAMPLE, 'households.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { householdId: string }).householdId);

const serve = spawn(process.execPath, [TUOPIN, 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'inherit'] });
let printed = '';
const base = await new Promise<string>((resolve, reject) => {
  serve.stdout.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    const url = /Tuopin API on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
    if (url) resolve(url);
  });
  serve.once('exit', (code) => reject(new Error(`tuopin serve exited (${code}):\n${printed}`)));
});
// The evaluation identity of the credentials file serve printed (absent before serve signed requests).
const credentialsFile = /credentials: (\S+)/.exec(printed)?.[1];
const keys = credentialsFile ? await readIdentityKeys(credentialsFile, 'evaluation') : undefined;
const store = childrenOf(serve.pid!)[0]!;

let sent = 0;
let done = 0;
let failed = 0;
const report = () => process.stdout.write(`${String(done).padStart(7)} requests  store RSS ${rssMb(store).toFixed(0).padStart(5)} MB  serve RSS ${rssMb(serve.pid!).toFixed(0).padStart(5)} MB  failed ${failed}\n`);
report();
async function worker(): Promise<void> {
  while (sent < total) {
    const id = households[sent % households.length]!;
    sent += 1;
    const url = `${base}/verdicts/household/${encodeURIComponent(id)}`;
    const response = keys ? await signedFetch(url, { method: 'GET' }, keys) : await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) failed += 1;
    done += 1;
    if (done % every === 0) report();
  }
}
try {
  await Promise.all(Array.from({ length: concurrency }, worker));
} finally {
  serve.kill('SIGINT');
  await new Promise((resolve) => serve.once('exit', resolve));
  // A --db given is kept for the next run; the temporary folder (and any store in it) is not.
  await rm(temp, { recursive: true, force: true });
}
