import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { nameReport } from '../../../src/reports/household-sheets.js';
import { ReportModelBuilder } from '../../../src/reports/report-model.js';
import { ReportText } from '../../../src/reports/summary-text.js';
import { writeReportXlsx } from '../../../src/reports/write-report-xlsx.js';
import { scoreFolderInMemory } from '../../helpers/score-in-memory.js';

const folder = fileURLToPath(new URL('../../fixtures/example', import.meta.url));

describe('report.xlsx', () => {
  let run: Awaited<ReturnType<typeof scoreFolderInMemory>>;
  let dir: string;
  let text: ReportText;
  const workbook = new ExcelJS.Workbook();

  beforeAll(async () => {
    run = await scoreFolderInMemory(folder, '2018Q3', EVALUATORS.compiled);
    // Half the households carry their head's name, as a county's data may.
    await run.stores.records.putHouseholds(run.dataset.households.map((h, i) => (i % 2 === 0 ? { ...h, headName: `户主${i}` } : h)));
    const builder = new ReportModelBuilder();
    for (const verdict of run.output.verdicts) builder.addVerdict(verdict);
    for (const score of run.output.scores) builder.addScore(score);
    for (const row of run.output.lists) builder.addListRow(row);
    const model = builder.build({ runId: 'r', quarter: '2018Q3', status: 'succeeded', ruleSetVersions: null, writes: null, outcomes: run.output.outcomes });
    dir = await mkdtemp(join(tmpdir(), 'tuopin-xlsx-'));
    const { names, sheets } = await nameReport(run.stores.records, model);
    text = new ReportText('zh', model, names);
    await writeReportXlsx(join(dir, 'report.xlsx'), text, sheets);
    await workbook.xlsx.readFile(join(dir, 'report.xlsx'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lets the event loop turn while it writes a long household sheet, so the zip drains as rows are committed', async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    function* rows() {
      for (let i = 0; i < 3000; i += 1) {
        if (i === 0 || i === 2999) seen.push(turns);
        yield { householdId: `H-${i}`, ruleSetId: 'household-exit', outcome: 'fail', failing: [], unknown: [], missing: [], villageId: null, headName: null };
      }
    }
    try {
      await writeReportXlsx(join(dir, 'long.xlsx'), text, { households: rows(), identification: [], returnRisk: [] });
    } finally {
      ticking = false;
    }
    expect(seen).toHaveLength(2);
    expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(10);
    const long = new ExcelJS.Workbook();
    await long.xlsx.readFile(join(dir, 'long.xlsx'));
    expect(long.getWorksheet('未达标户')!.rowCount).toBe(3001);
  });

  it('waits for a slow zip instead of holding the sheet: rows come only as fast as the file takes them', async () => {
    const { Writable } = await import('node:stream');
    const { randomBytes } = await import('node:crypto');
    let received = 0;
    // A sink far slower than exceljs makes rows: 5 ms for every chunk the zip writes.
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        setTimeout(callback, 5);
      },
    });
    let receivedAtLastRow = 0;
    const count = 20_000;
    function* rows() {
      for (let i = 0; i < count; i += 1) {
        if (i === count - 1) receivedAtLastRow = received;
        // Random names, so the XML does not compress to nothing.
        yield { householdId: `H-${i}`, ruleSetId: 'household-exit', outcome: 'fail', failing: [], unknown: [], missing: [], villageId: null, headName: randomBytes(12).toString('hex') };
      }
    }
    const done = new Promise<void>((resolve, reject) => slow.on('finish', resolve).on('error', reject));
    // A limit of 64 KiB, so this small file shows what the default 1 MiB does for a province's.
    await writeReportXlsx(slow, text, { households: rows(), identification: [], returnRisk: [] }, 64 * 1024);
    await done;
    // Without the wait the last row was made with about a fifth of the file written, the rest queued in memory.
    expect(receivedAtLastRow / received).toBeGreaterThan(0.75);
  }, 60_000);

  it('has every sheet, with Chinese headers, a frozen header row and a filter over it', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['贫困村', '未达标户', '贫困识别', '防返贫监测', '考核得分', '红旗黄牌', '问责名单', '问责涉及户']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      const headers = (sheet.getRow(1).values as unknown[]).filter((v) => typeof v === 'string') as string[];
      expect(headers.some((h) => /[\u4e00-\u9fff]/.test(h)), sheet.name).toBe(true);
    }
  });

  it('lists each household that does not pass with its head where the data has one, and its failing items', () => {
    const sheet = workbook.getWorksheet('未达标户')!;
    const byId = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) byId.set(String(row.getCell(4).value), row.values as unknown[]);
    });
    const notPassing = run.output.verdicts.filter((v) => v.ruleSetId === 'household-exit' && v.outcome !== 'pass');
    expect([...byId.keys()]).toEqual(notPassing.map((v) => v.subjectId));
    for (const verdict of notPassing) {
      const index = run.dataset.households.findIndex((h) => h.householdId === verdict.subjectId);
      const cells = byId.get(verdict.subjectId)!;
      expect(cells[5] ?? null, verdict.subjectId).toBe(index % 2 === 0 ? `户主${index}` : null);
      for (const item of verdict.items.filter((i) => i.outcome === 'fail')) expect(String(cells[7])).toContain(item.label.zh);
    }
  });

  it('stores scores and indicator values as numbers', () => {
    const sheet = workbook.getWorksheet('考核得分')!;
    const row = sheet.getRow(2);
    expect(typeof row.getCell(5).value).toBe('number');
    expect(typeof row.getCell(6).value).toBe('number');
    expect(sheet.rowCount - 1).toBe(run.output.scores.length);
  });
});
