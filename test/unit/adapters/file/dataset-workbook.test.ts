import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetFolder, streamDatasetFile } from '../../../../src/adapters/file/read-dataset-folder.js';
import { datasetWorkbook } from '../../../../src/adapters/file/write-dataset-workbook.js';
import { DatasetFolderError } from '../../../../src/adapters/file/dataset-folder-error.js';
import { RECORD_KIND_NAMES, RECORD_KINDS, type RecordKind } from '../../../../src/records/schemas/record-kinds.js';
import { formatRejectedRow } from '../../../../src/records/parsing/rejected-row.js';
import { collect } from '../../../helpers/record-lines.js';

const example = fileURLToPath(new URL('../../../fixtures/example/', import.meta.url));

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tuopin-workbook-'));
  temporary.push(dir);
  return dir;
}

async function jsonLinesOf(dir: string): Promise<Record<RecordKind, Record<string, unknown>[]>> {
  const entries = await Promise.all(
    RECORD_KIND_NAMES.map(async (kind) => {
      const text = await readFile(join(dir, `${RECORD_KINDS[kind].fileStem}.jsonl`), 'utf8').catch(() => '');
      return [kind, text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<RecordKind, Record<string, unknown>[]>;
}

/** A workbook of sheets given as rows of cells, written with exceljs as Excel would keep them. */
async function workbookWith(dir: string, name: string, sheets: Record<string, ExcelJS.CellValue[][]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const worksheet = workbook.addWorksheet(sheet);
    for (const row of rows) worksheet.addRow(row);
  }
  await workbook.xlsx.writeFile(join(dir, name));
}

describe('a dataset kept as a workbook', () => {
  it('reads the worked example, written with zh sheets, headers and values, as the same records as its JSON Lines', async () => {
    const dir = await folder();
    await datasetWorkbook(await jsonLinesOf(example)).xlsx.writeFile(join(dir, '台账.xlsx'));
    const fromWorkbook = await readDatasetFolder(dir);
    const fromJsonLines = await readDatasetFolder(example);
    expect(fromWorkbook.rejected.map(formatRejectedRow)).toEqual([]);
    for (const kind of RECORD_KIND_NAMES) expect(fromWorkbook[kind], kind).toEqual(fromJsonLines[kind]);
  });

  it('reads native numbers, booleans and dates, and names the sheet and row of a rejection', async () => {
    const dir = await folder();
    await workbookWith(dir, 'dataset.xlsx', {
      说明: [['这一页不是数据']],
      counties: [['countyId', 'name'], ['C1', '一县']],
      乡镇: [['乡镇编号', '县编号'], ['T1', 'C1']],
      村: [['村编号', '乡镇编号', '县编号'], ['V1', 'T1', 'C1']],
      农户: [
        ['户编号', '村编号', '户状态', '年人均纯收入', '通生活用电', '备注'],
        ['H1', 'V1', '已脱贫', 50000, true, new Date(Date.UTC(2018, 2, 1))],
        [],
        ['H2', 'V1', '脱贫', '4,000'],
      ],
    });
    const dataset = await readDatasetFolder(dir);
    expect(dataset.households).toHaveLength(1);
    expect(dataset.households[0]).toMatchObject({ householdId: 'H1', status: 'exited', incomePerCapita: 50000, electricity: true, 备注: '2018-03-01' });
    expect(dataset.rejected).toHaveLength(1);
    expect(formatRejectedRow(dataset.rejected[0]!)).toMatch(/^dataset\.xlsx\[农户\]:4\b/);
    expect(dataset.rejected[0]).toMatchObject({ file: 'dataset.xlsx[农户]', line: 4, field: 'status', id: 'H2' });
  });

  it('reads one workbook per kind beside JSON Lines files', async () => {
    const dir = await folder();
    const records = await jsonLinesOf(example);
    for (const kind of RECORD_KIND_NAMES) {
      const { fileStem } = RECORD_KINDS[kind];
      if (kind === 'households') await datasetWorkbook({ households: records.households }).xlsx.writeFile(join(dir, `${fileStem}.xlsx`));
      else await writeJsonLines(join(dir, `${fileStem}.jsonl`), records[kind]);
    }
    const households = await collect(streamDatasetFile(dir, 'households'));
    expect(households.every((result) => result.ok)).toBe(true);
    expect(households[0]).toMatchObject({ ok: true, file: 'households.xlsx[农户]', line: 2 });
    expect((await readDatasetFolder(dir)).households).toEqual((await readDatasetFolder(example)).households);
  });

  it('refuses a kind given both as a file and as a sheet', async () => {
    const dir = await folder();
    await workbookWith(dir, 'dataset.xlsx', { 农户: [['户编号'], ['H1']] });
    await writeJsonLines(join(dir, 'households.jsonl'), []);
    await expect(readDatasetFolder(dir)).rejects.toThrow(DatasetFolderError);
    await expect(readDatasetFolder(dir)).rejects.toThrow(/both households\.jsonl and dataset\.xlsx\[农户\] are present/);
  });
});

async function writeJsonLines(path: string, rows: readonly unknown[]): Promise<void> {
  await writeFile(path, rows.map((row) => JSON.stringify(row)).join('\n'));
}
