import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tuopin-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tuopin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** The worked example after 回头看: two households of one village cleared out of the registry. */
function exampleWithout(householdIds: readonly string[]): string {
  const dir = join(work, 'cleared');
  cpSync(join(root, 'test/fixtures/example'), dir, { recursive: true });
  const kept = read(dir, 'households.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '' && !householdIds.some((id) => line.includes(`"householdId": "${id}"`)));
  writeFileSync(join(dir, 'households.jsonl'), `${kept.join('\n')}\n`);
  return dir;
}

describe('tuopin import and score on one store', () => {
  it('remove the households a county re-export no longer holds, list them, and keep each output to its own dataset', () => {
    const db = join(work, 'db');
    expect(tuopin('score', '--data', 'test/fixtures/example', '--quarter', '2018Q3', '--out', join(work, 'first'), '--db', db).status).toBe(0);

    const imported = tuopin('import', '--data', exampleWithout(['C-W-T2-V0-H1', 'C-W-T2-V0-H2']), '--db', db);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('清退 removed 2 households of village C-W-T2-V0 (county C-W): C-W-T2-V0-H1, C-W-T2-V0-H2\n');
    expect(imported.stdout).toContain('清退 removed in all: 2 households, 0 villages, 0 townships, 0 assisting units;');

    const out = join(work, 'second');
    const scored = tuopin('score', '--data', 'test/fixtures/csv-dataset', '--quarter', '2018Q3', '--out', out, '--db', db);
    expect(scored.status).toBe(0);
    const alone = join(work, 'alone');
    expect(tuopin('score', '--data', 'test/fixtures/csv-dataset', '--quarter', '2018Q3', '--out', alone, '--store', 'memory').status).toBe(0);
    for (const file of ['verdicts.jsonl', 'scores.jsonl', 'accountability.jsonl']) expect(read(out, file)).toBe(read(alone, file));
    const summary = JSON.parse(read(out, 'summary.json')) as { removed: { villages: unknown[] } };
    expect(summary.removed.villages).toEqual([]);
  });

  it('refuse a dataset whose households file holds only its header', () => {
    const dir = join(work, 'header-only');
    cpSync(join(root, 'test/fixtures/csv-dataset'), dir, { recursive: true });
    writeFileSync(join(dir, 'households.csv'), `${read(dir, 'households.csv').split('\n')[0]}\n`);
    for (const args of [['import', '--data', dir], ['score', '--data', dir, '--quarter', '2018Q3', '--out', join(work, 'none')]]) {
      const run = tuopin(...args, '--store', 'memory');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('tuopin: DATASET_EMPTY: 数据集没有任何农户，拒绝导入 the dataset has no household');
    }
  });

  it('say on the last line of an import with rejected rows how many, and exit 3', () => {
    const run = tuopin('import', '--data', 'test/fixtures/malformed-dataset', '--store', 'memory');
    expect(run.status).toBe(3);
    const rejected = run.stderr.split('\n').filter((line) => line.startsWith('rejected ')).length;
    expect(run.stdout.trim().split('\n').at(-1)).toContain(`succeeded with ${rejected} rejected rows`);
  });

  it('print each rejected row in the language asked for, the same rows in either', () => {
    const zh = tuopin('import', '--data', 'test/fixtures/malformed-dataset', '--store', 'memory', '--lang', 'zh');
    const en = tuopin('import', '--data', 'test/fixtures/malformed-dataset', '--store', 'memory', '--lang', 'en');
    expect(zh.stderr).toContain('拒收 households.jsonl:3: incomePerCapita: 应为数字，实为 "abc"\n');
    expect(zh.stderr).toContain('拒收 villages.jsonl:2: townshipId: 乡镇 "T2" 已被拒收（townships.jsonl:2）\n');
    expect(en.stderr).toContain('rejected households.jsonl:3: incomePerCapita: expected a number, got "abc"\n');
    expect(en.stderr).toContain('rejected villages.jsonl:2: townshipId: township "T2" was rejected (townships.jsonl:2)\n');
    const rows = (run: typeof zh, mark: string) => run.stderr.split('\n').filter((line) => line.startsWith(mark)).map((line) => line.split(': ')[0]!.slice(mark.length));
    expect(rows(zh, '拒收 ')).toEqual(rows(en, 'rejected '));
  });

  it('explains --upsert with --help', () => {
    for (const command of ['import', 'score']) expect(tuopin(command, '--help').stdout).toContain('--upsert');
  });
});
