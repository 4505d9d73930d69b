import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../../src/engine/verdict.js';
import type { NameSource } from '../../../src/reports/report-names.js';
import { writeReports } from '../../../src/reports/write-reports.js';
import type { ListRow } from '../../../src/standards/accountability/accountability-output.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const artifacts = join(root, 'test-artifacts');
const work = mkdtempSync(join(tmpdir(), 'tuopin-reports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tuopin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
}

async function villageVerdicts(file: string): Promise<Verdict[]> {
  const found: Verdict[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line.includes('"subjectType":"village"')) found.push(JSON.parse(line) as Verdict);
  }
  return found;
}

/** A sheet's rows below the header, as header → value objects. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries((row.values as unknown[]).map((value, index) => [headers[index], value]).filter(([key]) => key !== 'undefined')));
  });
  return rows;
}

describe('tuopin score on the sample county', () => {
  const out = join(work, 'sample');
  let run: ReturnType<typeof tuopin>;
  let lists: ListRow[];
  let villages: Verdict[];

  beforeAll(async () => {
    run = tuopin('score', '--data', 'data/sample-county', '--quarter', '2018Q4', '--out', out, '--store', 'memory');
    lists = readFileSync(join(out, 'accountability.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ListRow);
    villages = await villageVerdicts(join(out, 'verdicts.jsonl'));
  }, 120_000);

  it('ends with the readable summary, in English by default, naming the villages that fail', () => {
    expect(run.status, run.stderr).toBe(0);
    const failing = villages.filter((v) => v.ruleSetId === 'village-exit' && v.outcome === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(run.stdout).toContain(`Villages that do not meet the exit standard: ${failing.length}`);
    for (const v of failing) expect(run.stdout).toContain(`(${v.subjectId}) · `);
    for (const row of lists) expect(run.stdout).toContain(row.official.name!);
  });

  it('writes report.xlsx with the failing villages and both lists, as the JSON Lines have them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'report.xlsx'));
    const sheet = workbook.getWorksheet('贫困村')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = rowsOf(sheet);
    const failLabel = villages.find((v) => v.outcome === 'fail')!.outcomeLabel.zh;
    expect(rows.filter((r) => r['结果'] === failLabel).map((r) => r['村编码'])).toEqual(villages.filter((v) => v.outcome === 'fail').map((v) => v.subjectId));
    const first = rows.find((r) => typeof r['贫困发生率'] === 'number')!;
    expect(typeof first['剩余贫困人口（分子）']).toBe('number');
    expect(typeof first['农业户籍人口（分母）']).toBe('number');
    const listed = rowsOf(workbook.getWorksheet('问责名单')!).map((r) => `${r['名单']}:${r['单位编码']}:${r['负责人']}`);
    const expected = lists.map((row) => `${row.list === 'interview' ? '约谈问责' : '引咎辞职'}:${row.unitId}:${row.official.name}`);
    expect([...new Set(listed)]).toEqual(expected);
    const households = rowsOf(workbook.getWorksheet('未达标户')!);
    expect(households.length).toBeGreaterThan(0);
  });

  it('writes accountability.pdf with every official of both lists as text, and page 1 renders', () => {
    const pdf = join(out, 'accountability.pdf');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text.status, text.stderr).toBe(0);
    for (const row of lists) expect(text.stdout).toContain(row.official.name!);
    expect(text.stdout).toContain('约谈问责');
    expect(text.stdout).toContain('引咎辞职');
    mkdirSync(artifacts, { recursive: true });
    const prefix = join(artifacts, 'accountability-page');
    const render = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, prefix], { encoding: 'utf8' });
    expect(render.status, render.stderr).toBe(0);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('is what the demo prints: the demo is tuopin score on the sample, nothing demo-only', () => {
    const demo = tuopin('demo', '--store', 'memory', '--out', join(work, 'demo'));
    expect(demo.status, demo.stderr).toBe(0);
    const withoutRunId = (text: string) => text.split('\n').slice(1).join('\n');
    expect(withoutRunId(demo.stdout)).toBe(withoutRunId(run.stdout));
    expect(existsSync(join(work, 'demo', 'accountability.pdf'))).toBe(true);
  });

  it('speaks Chinese with --lang zh', () => {
    const zh = tuopin('export', '--quarter', '2018Q4', '--out', join(work, 'empty-zh'), '--store', 'memory', '--lang', 'zh');
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('未达到退出标准的村：0 个');
    expect(existsSync(join(work, 'empty-zh', 'report.xlsx'))).toBe(true);
    expect(existsSync(join(work, 'empty-zh', 'accountability.pdf'))).toBe(true);
  });

  it('refuses a --lang other than zh or en with one usage line', () => {
    const bad = tuopin('export', '--quarter', '2018Q4', '--out', join(work, 'bad'), '--store', 'memory', '--lang', 'fr');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('tuopin: --lang must be zh or en, got "fr"');
  });

  it.each(['score', 'export', 'nightly', 'demo'])('explains --lang in %s --help', (command) => {
    const help = tuopin(command, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--lang zh|en');
  });

  it('ends nightly --out with the same kind of summary and files', () => {
    const nightly = tuopin('nightly', '--quarter', '2018Q4', '--out', join(work, 'nightly'), '--store', 'memory');
    expect(nightly.status, nightly.stderr).toBe(0);
    expect(nightly.stdout).toContain('Outcomes per standard');
    expect(existsSync(join(work, 'nightly', 'summary.json'))).toBe(true);
    expect(existsSync(join(work, 'nightly', 'report.xlsx'))).toBe(true);
  });

  it('still writes report.xlsx and the summary on a machine without the CJK font, saying what to install', async () => {
    const names: NameSource = { listCounties: async () => [], listTownships: async () => [], listVillages: async () => [], listUnits: async () => [], listHouseholdNames: async () => [] };
    const written = await writeReports(out, names, 'zh', { path: join(work, 'no-such-font.ttc'), face: 'x' });
    expect(written.files).toEqual([join(out, 'report.xlsx')]);
    expect(written.notices).toHaveLength(1);
    expect(written.notices[0]).toContain('apt-get install fonts-noto-cjk');
    expect(written.summary.length).toBeGreaterThan(0);
  });
});
