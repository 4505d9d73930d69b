import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetWorkbook } from '../../../src/adapters/file/write-dataset-workbook.js';
import { listWorkbookSheets, sheetPartSize } from '../../../src/adapters/file/workbook-zip.js';
import { fileURLToPath } from 'node:url';
import { openDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { counted, countedAgainst, durationText, etaSeconds, householdsRead, measured, progressLine, progressReporter } from '../../../src/cli/run/progress.js';

/** A stream that keeps what is written, a terminal or not. */
function stream(isTTY: boolean) {
  const lines: string[] = [];
  return { lines, isTTY, write: (text: string) => (lines.push(text), true) } as unknown as NodeJS.WritableStream & { isTTY: boolean; lines: string[] };
}

/** A clock the test moves by hand, in milliseconds. */
function clock() {
  let at = 1_000;
  return { now: () => at, advance: (seconds: number) => (at += seconds * 1000) };
}

describe('the time left of a long step', () => {
  it('is what is left at the rate so far', () => {
    expect(etaSeconds(25, 100, 10)).toBe(30);
    expect(etaSeconds(100, 100, 40)).toBe(0);
  });

  it('is not known without a total, before anything is done or before any time passed', () => {
    expect(etaSeconds(10, null, 5)).toBeNull();
    expect(etaSeconds(0, 100, 5)).toBeNull();
    expect(etaSeconds(10, 100, 0)).toBeNull();
  });

  it('reads as seconds, minutes or hours in either language', () => {
    expect(durationText(44.6, 'en')).toBe('45 s');
    expect(durationText(125, 'en')).toBe('2 min 05 s');
    expect(durationText(4_800, 'en')).toBe('1 h 20 min');
    expect(durationText(125, 'zh')).toBe('2 分 05 秒');
  });
});

describe('a progress line', () => {
  it('gives the count, the share, the rate and the time left', () => {
    expect(progressLine('en', 'score', 30, 120, 10)).toBe('scoring: villages judged 30/120 (25.0%) · 3.0/s · about 30 s left');
    expect(progressLine('zh', 'score', 30, 120, 10)).toBe('评分：已评村 30/120（25.0%）· 每秒 3.0 · 约剩 30 秒');
  });

  it('gives the count and the rate when the total is not known', () => {
    expect(progressLine('en', 'import', 5_000, null, 2)).toBe('import: households read 5000 · 2500/s');
    expect(progressLine('zh', 'export', 400, null, 4)).toBe('导出：已写判定 400 · 每秒 100');
  });
});

describe('the progress reporter', () => {
  it('prints at most one line every 2 seconds, then a last line at the total', () => {
    const out = stream(true);
    const time = clock();
    const report = progressReporter({ lang: 'en', forced: false, stream: out, now: time.now })('score');
    report(1, 10);
    time.advance(1);
    report(2, 10);
    time.advance(1.5);
    report(5, 10);
    time.advance(0.5);
    report(6, 10);
    time.advance(2.5);
    report(10, 10);
    report(10, 10);
    expect(out.lines).toEqual([
      'scoring: villages judged 5/10 (50.0%) · 2.0/s · about 3 s left\n',
      'scoring: villages judged 10/10 (100.0%) · 1.8/s · about 0 s left\n',
    ]);
  });

  it('prints nothing for a step shorter than the interval', () => {
    const out = stream(true);
    const time = clock();
    const report = progressReporter({ lang: 'en', forced: false, stream: out, now: time.now })('export');
    for (let done = 1; done <= 3; done++) report(done, 3);
    expect(out.lines).toEqual([]);
  });

  it('is silent on a stream that is not a terminal, unless --progress forces it', async () => {
    const pipe = stream(false);
    const time = clock();
    const silent = progressReporter({ lang: 'zh', forced: false, stream: pipe, now: time.now })('import');
    const forced = progressReporter({ lang: 'zh', forced: true, stream: pipe, now: time.now })('import');
    const rows: number[] = [];
    for await (const row of counted([1, 2, 3], (done, total) => (time.advance(3), silent(done, total), forced(done, total)))) rows.push(row);
    expect(rows).toEqual([1, 2, 3]);
    expect(pipe.lines).toEqual(['导入：已读农户 1 · 每秒 0.3\n', '导入：已读农户 2 · 每秒 0.3\n', '导入：已读农户 3 · 每秒 0.3\n']);
  });
});

describe('the time left of an import and an export', () => {
  it('reads the bytes of the households file against its size, in either language', async () => {
    const out = stream(true);
    const time = clock();
    const meter = { total: 1_000, at: 0, read() { return this.at; } };
    const report = progressReporter({ lang: 'en', forced: false, stream: out, now: time.now })('importBytes');
    const zh = stream(true);
    const reportZh = progressReporter({ lang: 'zh', forced: false, stream: zh, now: time.now })('importBytes');
    async function* rows() {
      for (const at of [250, 500, 750]) {
        meter.at = at;
        time.advance(2.5);
        yield at;
      }
    }
    for await (const _ of measured(rows(), (done, total) => (report(done, total), reportZh(done, total)), meter)) void _;
    expect(out.lines[0]).toBe('import: bytes of the households file read 250/1000 (25.0%) · 100/s · about 8 s left\n');
    expect(zh.lines[0]).toBe('导入：已读农户文件字节 250/1000（25.0%）· 每秒 100 · 约剩 8 秒\n');
    expect(out.lines.at(-1)).toBe('import: bytes of the households file read 1000/1000 (100.0%) · 133/s · about 0 s left\n');
  });

  it('counts the bytes a text households file gives as it is read, up to its size', async () => {
    const dir = fileURLToPath(new URL('../../fixtures/csv-dataset', import.meta.url));
    const opened = await openDatasetFolder(dir);
    const meter = opened.householdsBytes!;
    expect(meter.total).toBe(statSync(`${dir}/households.csv`).size);
    expect(meter.read()).toBe(0);
    const shares: Array<[number, number | null]> = [];
    for await (const _ of householdsRead(opened.households, meter, () => (done, total) => shares.push([done, total]))) void _;
    expect(meter.read()).toBe(meter.total);
    expect(shares.at(-1)).toEqual([meter.total, meter.total]);
    expect(shares.every(([, total]) => total === meter.total)).toBe(true);
  });

  it("measures a workbook's households against the size of their sheet, so its import has a total and a time left", async () => {
    const example = fileURLToPath(new URL('../../fixtures/example/', import.meta.url));
    const lines = async (stem: string) => (await readFile(join(example, `${stem}.jsonl`), 'utf8')).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
    const dir = await mkdtemp(join(tmpdir(), 'tuopin-progress-'));
    try {
      const records = { counties: await lines('counties'), townships: await lines('townships'), units: await lines('units'), villages: await lines('villages'), households: await lines('households') };
      await datasetWorkbook(records).xlsx.writeFile(join(dir, '台账.xlsx'));
      const opened = await openDatasetFolder(dir);
      const meter = opened.householdsBytes!;
      const sheet = (await listWorkbookSheets(join(dir, '台账.xlsx'))).get('农户')!;
      expect(meter.total).toBe(await sheetPartSize(join(dir, '台账.xlsx'), sheet));
      expect(meter.total).toBeGreaterThan(0);
      const shares: Array<[number, number | null]> = [];
      let households = 0;
      for await (const _ of householdsRead(opened.households, meter, () => (done, total) => shares.push([done, total]))) households += 1;
      expect(households).toBe(records.households.length);
      expect(meter.read()).toBe(meter.total);
      expect(shares.every(([, total]) => total === meter.total)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes verdicts against the run\'s count, going on by count past it and ending the step at the last', async () => {
    const reports: Array<[number, number | null]> = [];
    for await (const _ of countedAgainst([1, 2, 3], (done, total) => reports.push([done, total]), 2)) void _;
    expect(reports).toEqual([[1, 2], [2, null], [3, null], [3, 3]]);
    expect(progressLine('en', 'export', 1, 2, 1)).toBe('export: verdicts written 1/2 (50.0%) · 1.0/s · about 1 s left');
  });
});
