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
import { RECORD_KIND_ZH } from '../../../../src/records/schemas/record-kinds.js';
import { CsvHeaderError } from '../../../../src/records/record-errors.js';

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

  it('reads one workbook per kind beside CSV and JSON Lines files, as the same records', async () => {
    const dir = await folder();
    const records = await jsonLinesOf(example);
    await datasetWorkbook({ households: records.households }).xlsx.writeFile(join(dir, 'households.xlsx'));
    await datasetWorkbook({ villages: records.villages }).xlsx.writeFile(join(dir, 'villages.xlsx'));
    await writeFile(join(dir, 'townships.csv'), csvOf(records.townships));
    for (const kind of ['counties', 'units', 'cardHistory'] as const) await writeJsonLines(join(dir, `${RECORD_KINDS[kind].fileStem}.jsonl`), records[kind]);
    const dataset = await readDatasetFolder(dir);
    expect(dataset.rejected.map(formatRejectedRow)).toEqual([]);
    const fromJsonLines = await readDatasetFolder(example);
    for (const kind of RECORD_KIND_NAMES) expect(dataset[kind], kind).toEqual(fromJsonLines[kind]);
  });

  it('finds the sheets of a kind by their English names too, in any case', async () => {
    const dir = await folder();
    const workbook = datasetWorkbook(await jsonLinesOf(example));
    for (const sheet of workbook.worksheets) {
      const kind = RECORD_KIND_NAMES.find((k) => RECORD_KIND_ZH[k] === sheet.name)!;
      sheet.name = kind === 'households' ? 'Households' : kind === 'cardHistory' ? 'Card history' : RECORD_KINDS[kind].fileStem;
    }
    await workbook.xlsx.writeFile(join(dir, 'dataset.xlsx'));
    const dataset = await readDatasetFolder(dir);
    expect(dataset.rejected.map(formatRejectedRow)).toEqual([]);
    const fromJsonLines = await readDatasetFolder(example);
    for (const kind of RECORD_KIND_NAMES) expect(dataset[kind], kind).toEqual(fromJsonLines[kind]);
    expect(dataset.cardHistory.length).toBeGreaterThan(0);
    const [first] = await collect(streamDatasetFile(dir, 'households'));
    expect(first).toMatchObject({ ok: true, file: 'dataset.xlsx[Households]', line: 2 });
  });

  it('refuses a sheet whose header has a typo once, at the header, naming the sheet and the column it was meant to be', async () => {
    const dir = await folder();
    await workbookWith(dir, 'dataset.xlsx', {
      县: [['县编号'], ['C1']],
      乡镇: [['乡镇编号', '县编号'], ['T1', 'C1']],
      村: [['村编号', '乡镇编号', '县编号'], ['V1', 'T1', 'C1']],
      农户: [['户编码', '村编号', '户状态'], ['H1', 'V1', '未脱贫'], ['H2', 'V1', '未脱贫']],
    });
    const refusal = await readDatasetFolder(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CsvHeaderError);
    expect((refusal as CsvHeaderError).message).toBe('dataset.xlsx[农户]:1: column 户编码 is not a known column; did you mean 户编号? / 列名“户编码”不是已知列名，是否应为“户编号”？');
  });

  it('refuses an .xlsx file that is not a workbook as a problem of the folder, naming the file', async () => {
    const dir = await folder();
    const records = await jsonLinesOf(example);
    for (const kind of ['counties', 'townships', 'villages'] as const) await writeJsonLines(join(dir, `${RECORD_KINDS[kind].fileStem}.jsonl`), records[kind]);
    await writeFile(join(dir, 'households.xlsx'), 'saved as text, not as a workbook');
    const refusal = await readDatasetFolder(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DatasetFolderError);
    expect((refusal as DatasetFolderError).code).toBe('DATASET_FOLDER');
    expect((refusal as Error).message).toMatch(/households\.xlsx cannot be read as an \.xlsx workbook .*households\.xlsx 无法作为 \.xlsx 工作簿读取/);
  });

  it('refuses a kind given both as a file and as a sheet', async () => {
    const dir = await folder();
    await workbookWith(dir, 'dataset.xlsx', { 农户: [['户编号'], ['H1']] });
    await writeJsonLines(join(dir, 'households.jsonl'), []);
    await expect(readDatasetFolder(dir)).rejects.toThrow(DatasetFolderError);
    await expect(readDatasetFolder(dir)).rejects.toThrow(/both households\.jsonl and dataset\.xlsx\[农户\] are present/);
  });
});

/** A CSV file of flat records, an object's fields as dotted columns (`principal.name`). */
function csvOf(records: readonly Record<string, unknown>[]): string {
  const flat = records.map((record) =>
    Object.fromEntries(
      Object.entries(record).flatMap(([key, value]) =>
        value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([inner, v]) => [`${key}.${inner}`, v]) : [[key, value]],
      ),
    ),
  );
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...flat.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\n');
}

async function writeJsonLines(path: string, rows: readonly unknown[]): Promise<void> {
  await writeFile(path, rows.map((row) => JSON.stringify(row)).join('\n'));
}
