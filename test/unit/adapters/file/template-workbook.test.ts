import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { templateWorkbook } from '../../../../src/adapters/file/template-workbook.js';
import { DATA_DICTIONARY } from '../../../../src/records/dictionary/data-dictionary.js';
import { RECORD_KIND_NAMES, RECORD_KIND_ZH } from '../../../../src/records/schemas/record-kinds.js';

/** The template as a clerk opens it: written to bytes and read back. */
async function reopened(): Promise<ExcelJS.Workbook> {
  const bytes = await templateWorkbook().xlsx.writeBuffer();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

describe('the template workbook', () => {
  it('has a drop-down of every allowed value, in Chinese, on every code and yes/no column of every sheet, down the rows a clerk fills', async () => {
    const workbook = await reopened();
    let checked = 0;
    for (const kind of RECORD_KIND_NAMES) {
      const sheet = workbook.getWorksheet(RECORD_KIND_ZH[kind])!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      for (const entry of DATA_DICTIONARY[kind]) {
        if (entry.type !== 'enum' && entry.type !== 'boolean') continue;
        const column = header.indexOf(`${entry.zh}\n${entry.field}`) + 1;
        // A code inside a list (a member's schooling) is given in the list's one JSON cell.
        if (entry.field.includes('[]')) continue;
        expect(column, `${kind} ${entry.field}`).toBeGreaterThan(0);
        const allowed = entry.type === 'boolean' ? ['是', '否'] : entry.values!.map((value) => value.zh);
        const formula = `"${allowed.join(',')}"`;
        // Excel refuses a list written in the rule longer than 255 characters.
        expect(formula.length, `${kind} ${entry.field}`).toBeLessThanOrEqual(255);
        for (const row of [2, 3, 10_000]) {
          expect(sheet.getCell(row, column).dataValidation, `${kind} ${entry.field} row ${row}`).toMatchObject({ type: 'list', formulae: [formula] });
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('explains every column of every sheet on its 说明 sheet, in both languages', async () => {
    const workbook = await reopened();
    const rows: string[][] = [];
    workbook.getWorksheet('说明')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    for (const kind of RECORD_KIND_NAMES) {
      for (const entry of DATA_DICTIONARY[kind]) {
        const row = rows.find((cells) => cells[0]!.startsWith(RECORD_KIND_ZH[kind]) && cells[3] === entry.field);
        expect(row, `${kind} ${entry.field}`).toBeDefined();
        expect(row!.slice(1, 3), `${kind} ${entry.field}`).toEqual([entry.zh, entry.en]);
        for (const value of entry.values ?? []) expect(row![6], `${kind} ${entry.field}`).toContain(`${value.zh} = ${value.value} (${value.en})`);
      }
    }
  });
});
