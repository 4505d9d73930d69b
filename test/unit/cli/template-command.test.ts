import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { DATA_DICTIONARY, exampleRecord } from '../../../src/records/dictionary/data-dictionary.js';
import { RECORD_KIND_NAMES, RECORD_KINDS } from '../../../src/records/schemas/record-kinds.js';
import { formatRejectedRow } from '../../../src/records/parsing/rejected-row.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'tuopin-template-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tuopin(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/tuopin.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

describe('tuopin template', () => {
  const folder = join(work, 'filled');
  const out = join(folder, '台账模板.xlsx');

  it('writes a workbook whose example rows load as a dataset with no rejection, as the dictionary gives them', async () => {
    mkdirSync(folder, { recursive: true });
    const run = tuopin('template', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const dataset = await readDatasetFolder(folder);
    expect(dataset.rejected.map(formatRejectedRow)).toEqual([]);
    for (const kind of RECORD_KIND_NAMES) {
      expect(dataset[kind], kind).toEqual([RECORD_KINDS[kind].schema.parse(exampleRecord(kind))]);
    }
  });

  it('has zh and English names in each header, a drop-down on every code and yes/no column, and a 说明 sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const households = workbook.getWorksheet('农户')!;
    const header = (households.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toContain('户编号\nhouseholdId');
    const statusColumn = header.indexOf('户状态\nstatus') + 1;
    const validation = households.getCell(3, statusColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"未脱贫,已脱贫,返贫,申请中,非贫困户"'] });
    const electricity = households.getCell(2, header.indexOf('通生活用电\nelectricity') + 1);
    expect(electricity.value).toBe('是');
    expect(households.getCell(2, header.indexOf('通生活用电\nelectricity') + 1).dataValidation).toMatchObject({ formulae: ['"是,否"'] });
    const explained = workbook.getWorksheet('说明')!;
    const fields = new Set<string>();
    explained.eachRow((row) => fields.add(String(row.getCell(4).value)));
    for (const kind of RECORD_KIND_NAMES) for (const entry of DATA_DICTIONARY[kind]) expect(fields).toContain(entry.field);
  });

  it('refuses an --out that is not an .xlsx file', () => {
    const run = tuopin('template', '--out', join(work, 'x.csv'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out must name an .xlsx file');
  });
});
