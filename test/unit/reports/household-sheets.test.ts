import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRunFiles } from '../../../src/cli/run/run-files.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { nameReport } from '../../../src/reports/household-sheets.js';
import { readRunOutput } from '../../../src/reports/read-run-output.js';
import { listHouseholdIds, ReportModelBuilder, type HouseholdRow, type ReportModel } from '../../../src/reports/report-model.js';
import type { NameSource } from '../../../src/reports/report-names.js';
import { RowSpill } from '../../../src/reports/row-spill.js';
import { ReportText } from '../../../src/reports/summary-text.js';
import { writeReportXlsx } from '../../../src/reports/write-report-xlsx.js';
import { scoreFolderInMemory } from '../../helpers/score-in-memory.js';

const sampleCounty = fileURLToPath(new URL('../../../data/sample-county', import.meta.url));

/** Every sheet's name and every row's values, as read back from the file. */
async function cellsOf(file: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues() }));
}

describe('report.xlsx household sheets streamed from verdicts.jsonl', () => {
  let run: Awaited<ReturnType<typeof scoreFolderInMemory>>;
  let out: string;
  let streamed: ReportModel;

  beforeAll(async () => {
    run = await scoreFolderInMemory(sampleCounty, '2018Q4', EVALUATORS.compiled);
    // Half the households carry their head's name, as a county's data may.
    await run.stores.records.putHouseholds(run.dataset.households.map((h, i) => (i % 2 === 0 ? { ...h, headName: `户主${i}` } : h)));
    out = await mkdtemp(join(tmpdir(), 'tuopin-sheets-'));
    const at = new Date('2026-01-01T00:00:00Z');
    await writeRunFiles(out, run.output, { quarter: '2018Q4', year: 2018, asOf: '2018-12-31', evaluator: 'compiled', store: 'memory', run: run.run, stageSeconds: {}, startedAt: at, finishedAt: at });
    streamed = await readRunOutput(out);
  }, 120_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('merges names in one walk, keeping only the households behind the lists, with the same cells as looking every name up', async () => {
    expect(streamed.householdRowsSorted).toBe(true);
    const merged = await nameReport(run.stores.records, streamed, { spill: true });
    // Looking every listed household up in memory is what the reports did before, and the fallback.
    const lookedUp = await nameReport(run.stores.records, { ...streamed, householdRowsSorted: false });
    const rows = [...streamed.householdRows].length;
    expect(rows).toBeGreaterThan(1000);
    expect(merged.names.households.size).toBeLessThanOrEqual(listHouseholdIds(streamed).size);
    expect(lookedUp.names.households.size).toBeGreaterThan(rows / 3);
    await writeReportXlsx(join(out, 'merged.xlsx'), new ReportText('zh', streamed, merged.names), merged.sheets);
    await writeReportXlsx(join(out, 'looked-up.xlsx'), new ReportText('zh', streamed, lookedUp.names), lookedUp.sheets);
    const cells = await cellsOf(join(out, 'merged.xlsx'));
    expect(cells).toEqual(await cellsOf(join(out, 'looked-up.xlsx')));
    expect(JSON.stringify(cells)).toContain('户主');
  });

  it('gives the in-memory model of the same verdicts the same workbook', async () => {
    const builder = new ReportModelBuilder();
    for (const verdict of run.output.verdicts) builder.addVerdict(verdict);
    for (const score of run.output.scores) builder.addScore(score);
    for (const row of run.output.lists) builder.addListRow(row);
    const inMemory = builder.build(streamed.run);
    const fromMemory = await nameReport(run.stores.records, inMemory);
    const fromFiles = await nameReport(run.stores.records, streamed, { spill: true });
    await writeReportXlsx(join(out, 'memory.xlsx'), new ReportText('zh', inMemory, fromMemory.names), fromMemory.sheets);
    await writeReportXlsx(join(out, 'files.xlsx'), new ReportText('zh', streamed, fromFiles.names), fromFiles.sheets);
    expect(await cellsOf(join(out, 'files.xlsx'))).toEqual(await cellsOf(join(out, 'memory.xlsx')));
  });
});

describe('naming household rows', () => {
  const row = (householdId: string): HouseholdRow => ({ householdId, ruleSetId: 'household-exit', outcome: 'fail', failing: ['x'], unknown: [], missing: [] });
  const model = (rows: HouseholdRow[]): ReportModel => ({
    run: { runId: null, quarter: '2018Q4', status: null, ruleSetVersions: null, writes: null, outcomes: { total: {} } },
    counties: [],
    villages: [],
    householdRows: rows,
    householdRowsSorted: true,
    itemLabels: new Map(),
    outcomeLabels: new Map(),
    scores: [],
    lists: [],
  });
  // Household ids that do not sort like their villages: V1 holds H9, V2 holds H1.
  const source: NameSource = {
    listCounties: async () => [{ countyId: 'C', name: null } as never],
    listTownships: async () => [],
    listUnits: async () => [],
    listVillages: async () => [{ villageId: 'V2', townshipId: 'T', countyId: 'C', name: null } as never, { villageId: 'V1', townshipId: 'T', countyId: 'C', name: null } as never],
    listHouseholdNames: async (villageId) => (villageId === 'V1' ? [{ householdId: 'H9', villageId: 'V1', headName: '甲' }] : [{ householdId: 'H1', villageId: 'V2', headName: '乙' }]),
  };

  it('falls back to looking names up when household ids do not sort like their villages', async () => {
    const { sheets } = await nameReport(source, model([row('H1'), row('H5'), row('H9')]));
    expect([...sheets.households].map((r) => [r.householdId, r.villageId, r.headName])).toEqual([
      ['H1', 'V2', '乙'],
      ['H5', null, null],
      ['H9', 'V1', '甲'],
    ]);
  });

  it('walks villages without households, and rows the store lacks before, between and after them', async () => {
    const names = { V1: ['H01', 'H02'], V2: [], V3: ['H07', 'H05'], V4: [] } as Record<string, string[]>;
    const asked: string[] = [];
    const sorted: NameSource = {
      ...source,
      listVillages: async () => ['V3', 'V1', 'V4', 'V2'].map((villageId) => ({ villageId, townshipId: 'T', countyId: 'C', name: null }) as never),
      listHouseholdNames: async (villageId) => {
        asked.push(villageId);
        return names[villageId]!.map((householdId) => ({ householdId, villageId, headName: `户主${householdId}` }));
      },
    };
    const { sheets } = await nameReport(sorted, model([row('H00'), row('H01'), row('H03'), row('H05'), row('H07'), row('H09')]));
    expect([...sheets.households].map((r) => [r.householdId, r.villageId, r.headName])).toEqual([
      ['H00', null, null],
      ['H01', 'V1', '户主H01'],
      ['H03', null, null],
      ['H05', 'V3', '户主H05'],
      ['H07', 'V3', '户主H07'],
      ['H09', null, null],
    ]);
    // One walk in ascending village id, to the end (a row was not found): not the fallback's listing order.
    expect(asked).toEqual(['V1', 'V2', 'V3', 'V4']);
  });

  it('keeps spilled rows in order and reads them as often as asked', () => {
    const spill = new RowSpill<HouseholdRow>();
    const rows = Array.from({ length: 1300 }, (_, i) => row(`H${String(i).padStart(5, '0')}`));
    for (const r of rows) spill.push(r);
    expect([...spill]).toEqual(rows);
    expect([...spill]).toEqual(rows);
    expect(spill.count).toBe(1300);
  });
});
