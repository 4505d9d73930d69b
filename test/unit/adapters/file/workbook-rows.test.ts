import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
// exceljs's own zip library (pinned through exceljs), to write a styles part exceljs would not.
import JSZip from 'jszip';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWorkbookSheets, workbookSheetRows } from '../../../../src/adapters/file/workbook-rows.js';
import { collect } from '../../../helpers/record-lines.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tuopin-workbook-rows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HOUSEHOLD_ROWS: ExcelJS.CellValue[][] = [
  ['户编号', '年人均纯收入', '通生活用电', '备注'],
  ['H1', 50000, true, new Date(Date.UTC(2018, 2, 1))],
  ['H2', 4000.5, false, new Date(Date.UTC(2019, 11, 31))],
];
const EXPECTED = [
  { line: 1, cells: ['户编号', '年人均纯收入', '通生活用电', '备注'] },
  { line: 2, cells: ['H1', '50000', 'true', '2018-03-01'] },
  { line: 3, cells: ['H2', '4000.5', 'false', '2019-12-31'] },
];

/**
 * A workbook as exceljs writes it: every sheet part comes before `sharedStrings.xml`,
 * `styles.xml` and `workbook.xml` in the zip. Uncompressed and with note sheets ahead of the
 * data, so a reader walking the zip in order has the most parts to get through before it meets
 * the styles a date is recognised by.
 */
async function sheetsBeforeStyles(name: string, options: { date1904?: boolean } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (let note = 1; note <= 8; note++) workbook.addWorksheet(`说明${note}`).addRow([`第${note}页说明`]);
  const households = workbook.addWorksheet('农户');
  for (const row of HOUSEHOLD_ROWS) households.addRow(row);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path, { zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions>);
  return path;
}

async function partOrder(path: string): Promise<string[]> {
  return (await unzipper.Open.file(path)).files.map((file) => file.path);
}

describe('the rows of a workbook sheet', () => {
  it('reads every row and every native date of a sheet stored before the styles and shared strings, on every read', async () => {
    const path = await sheetsBeforeStyles('sheets-first.xlsx');
    const sheets = await listWorkbookSheets(path);
    const fileNo = sheets.get('农户')!;
    const parts = await partOrder(path);
    // The layout this test is about: the sheet first, what types its cells after it.
    for (const later of ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml']) {
      expect(parts.indexOf(`xl/worksheets/sheet${fileNo}.xml`), later).toBeLessThan(parts.indexOf(later));
    }
    // A reader that walks the zip and stops early loses the parts at its end in some reads and
    // not others; twenty reads in a row all have to see them.
    for (let read = 1; read <= 20; read++) {
      expect(await collect(workbookSheetRows(path, fileNo)), `read ${read}`).toEqual(EXPECTED);
    }
  });

  it('reads dates of a workbook kept in the 1904 date system as the same days', async () => {
    const path = await sheetsBeforeStyles('date1904.xlsx', { date1904: true });
    const fileNo = (await listWorkbookSheets(path)).get('农户')!;
    expect(await collect(workbookSheetRows(path, fileNo))).toEqual(EXPECTED);
  });

  it('reads a formula by its result, a date as a date where its cell is formatted as one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('农户');
    sheet.addRow(['户编号', '认定日期', '年人均纯收入', '核对']);
    sheet.addRow(['H1', { formula: 'DATE(2018,3,1)', result: new Date(Date.UTC(2018, 2, 1)) }, { formula: '2000*2', result: 4000 }, { formula: 'IF(C2>3000,"是","否")', result: '是' }]);
    sheet.getCell('B2').numFmt = 'yyyy/m/d';
    sheet.getCell('C2').numFmt = '#,##0';
    const path = join(dir, 'formulas.xlsx');
    await workbook.xlsx.writeFile(path);
    const fileNo = (await listWorkbookSheets(path)).get('农户')!;
    expect(await collect(workbookSheetRows(path, fileNo))).toEqual([
      { line: 1, cells: ['户编号', '认定日期', '年人均纯收入', '核对'] },
      { line: 2, cells: ['H1', '2018-03-01', '4000', '是'] },
    ]);
  });

  it('reads a date kept in a built-in Chinese date format (2018年3月1日) as a date', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('农户');
    sheet.addRow(['户编号', '认定日期', '认定月份']);
    sheet.addRow(['H1', new Date(Date.UTC(2018, 2, 1)), new Date(Date.UTC(2018, 2, 1))]);
    sheet.getCell('C2').numFmt = '0.00';
    // Excel and WPS in Chinese keep their long date formats as built-in ids with no format code
    // in styles.xml: 31 is yyyy"年"m"月"d"日", 57 is yyyy"年"m"月". exceljs writes 14 and 2 here.
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toContain('numFmtId="14"');
    zip.file('xl/styles.xml', styles.replace('numFmtId="14"', 'numFmtId="31"').replace('numFmtId="2"', 'numFmtId="57"'));
    const path = join(dir, 'chinese-date-formats.xlsx');
    await writeFile(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const fileNo = (await listWorkbookSheets(path)).get('农户')!;
    expect(await collect(workbookSheetRows(path, fileNo))).toEqual([
      { line: 1, cells: ['户编号', '认定日期', '认定月份'] },
      { line: 2, cells: ['H1', '2018-03-01', '2018-03-01'] },
    ]);
  });

  it('gives no row for a part the workbook does not have', async () => {
    const path = await sheetsBeforeStyles('no-such-part.xlsx');
    expect(await collect(workbookSheetRows(path, '99'))).toEqual([]);
  });
});
