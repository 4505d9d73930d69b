import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tuopin-sample-workbook-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function score(data: string, name: string): string[] {
  const out = join(work, name);
  const run = spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), 'score', '--data', data, '--quarter', '2018Q4', '--out', out, '--store', 'memory'], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl'].map((file) => readFileSync(join(out, file), 'utf8'));
}

describe('the sample county kept as a workbook', () => {
  it('scores to byte-identical verdicts, scores and accountability lists as its JSON Lines', () => {
    const fromJsonLines = score('data/sample-county', 'jsonl');
    const fromWorkbook = score('data/sample-county-xlsx', 'xlsx');
    expect(fromJsonLines[0]!.length).toBeGreaterThan(0);
    expect(fromWorkbook).toEqual(fromJsonLines);
  }, 120_000);
});
