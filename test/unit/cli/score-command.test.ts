import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tuopin-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tuopin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

describe('tuopin score', () => {
  it('reports every malformed row with file, line and field, and still scores every good one', () => {
    const out = join(work, 'malformed');
    const run = tuopin('score', '--data', 'test/fixtures/malformed-dataset', '--quarter', '2018Q4', '--out', out, '--store', 'memory');
    expect(run.status).toBe(3);
    const rejected = run.stderr.split('\n').filter((line) => line.startsWith('rejected '));
    expect(run.stderr.trim().split('\n').at(-1)).toContain(`succeeded with ${rejected.length} rejected rows`);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ status: 'succeeded-with-rejected-rows' });
    expect(rejected).toContain('rejected households.jsonl:2: status: expected one of poor, exited, returned, applicant, non-poor, got "rich"');
    expect(rejected).toContain('rejected households.jsonl:3: incomePerCapita: expected a number, got "abc"');
    expect(rejected).toContain('rejected households.jsonl:4: villageId: unknown village "V9"');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { rows: { rejected: number }; rejected: unknown[] };
    expect(summary.rows.rejected).toBe(rejected.length);
    expect(summary.rejected).toHaveLength(rejected.length);
    const judged = readFileSync(join(out, 'verdicts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { subjectType: string; subjectId: string });
    expect([...new Set(judged.filter((v) => v.subjectType === 'household').map((v) => v.subjectId))].sort()).toEqual(['H1', 'H11']);
  });

  it('gives byte-identical verdicts, scores and lists on every run of the same dataset and quarter', () => {
    const [a, b] = ['a', 'b'].map((name) => {
      const out = join(work, name);
      expect(tuopin('score', '--data', 'test/fixtures/example', '--quarter', '2018Q3', '--out', out, '--store', 'memory').status).toBe(0);
      return ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl'].map((file) => readFileSync(join(out, file), 'utf8'));
    });
    expect(a).toEqual(b);
  });

  it('exits 2 with one line for a usage error', () => {
    for (const args of [['score'], ['score', '--data', 'x', '--out', 'y', '--quarter', '2018Q5'], ['score', '--nonsense'], ['frobnicate']]) {
      const run = tuopin(...args);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n').filter((line) => line.startsWith('tuopin:'))).toHaveLength(1);
    }
  });

  it('explains every option with --help', () => {
    const run = tuopin('score', '--help');
    expect(run.status).toBe(0);
    for (const option of ['--data', '--quarter', '--out', '--db', '--endpoint', '--store', '--rules', '--evaluator']) expect(run.stdout).toContain(option);
  });
});
