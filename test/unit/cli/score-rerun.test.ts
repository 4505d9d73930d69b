import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tuopin-rerun-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const OUTPUTS = ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl'];
const KEPT = /^(\d+) villages whose data, rules and code are unchanged since the last run kept their stored verdicts/m;

/** `tuopin score` of `data` into the embedded store at `db`: its outputs and how many villages it kept. */
function score(data: string, db: string, out: string) {
  const run = spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), 'score', '--data', data, '--quarter', '2018Q3', '--db', db, '--out', join(work, out), '--lang', 'en'], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { files: OUTPUTS.map((file) => readFileSync(join(work, out, file), 'utf8')), kept: Number(KEPT.exec(run.stderr)?.[1] ?? 0) };
}

/** A copy of the worked example with one household's income raised. */
function changedExample(): string {
  const data = join(work, 'changed-data');
  cpSync(join(root, 'test/fixtures/example'), data, { recursive: true });
  const lines = readFileSync(join(data, 'households.jsonl'), 'utf8').trimEnd().split('\n');
  const first = JSON.parse(lines[0]!) as { incomePerCapita: number };
  lines[0] = JSON.stringify({ ...first, incomePerCapita: first.incomePerCapita + 2500 });
  writeFileSync(join(data, 'households.jsonl'), `${lines.join('\n')}\n`);
  return data;
}

describe('tuopin score over unchanged villages on the embedded store', () => {
  const example = join(root, 'test/fixtures/example');
  const villages = readFileSync(join(example, 'villages.jsonl'), 'utf8').trim().split('\n').length;

  it('keeps them as stored and writes byte-identical outputs; a change judges its village again, as a fresh store would', () => {
    const db = join(work, 'db');
    const first = score(example, db, 'first');
    expect(first.kept).toBe(0);
    const again = score(example, db, 'again');
    expect(again.kept).toBe(villages);
    expect(again.files).toEqual(first.files);

    const changed = changedExample();
    const rerun = score(changed, db, 'changed');
    expect(rerun.kept).toBe(villages - 1);
    const fresh = score(changed, join(work, 'fresh-db'), 'fresh');
    expect(rerun.files).toEqual(fresh.files);
    expect(rerun.files).not.toEqual(first.files);
  });

  it('judges again, to the same outputs, when the cached lines are damaged', () => {
    const db = join(work, 'damaged-db');
    const first = score(example, db, 'damaged-first');
    const folder = join(db, 'judged');
    const lines = readdirSync(folder).find((name) => name.startsWith('lines-'))!;
    const bytes = readFileSync(join(folder, lines));
    bytes.write('{"damaged":1}', 0);
    writeFileSync(join(folder, lines), bytes);
    const damaged = score(example, db, 'damaged-again');
    expect(damaged.kept).toBe(villages - 1);
    expect(damaged.files).toEqual(first.files);
    expect(score(example, db, 'damaged-healed').kept).toBe(villages);
  });
});
