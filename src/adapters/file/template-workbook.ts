import ExcelJS from 'exceljs';
import { DATA_DICTIONARY, exampleRecord, FIELD_TYPE_LABELS, valueAtField, type FieldEntry } from '../../records/dictionary/data-dictionary.js';
import { RECORD_KIND_NAMES, RECORD_KIND_ZH, RECORD_KINDS } from '../../records/schemas/record-kinds.js';

/**
 * The workbook a clerk fills in (`tuopin template`): a sheet per kind, named in Chinese, whose
 * header cells give the zh name with the English one beside it (`户编号 householdId`, which the
 * reader takes as is), a drop-down on every enumeration and yes/no column, the data
 * dictionary's example row, and a `说明` sheet explaining every column. Read back as a
 * dataset, the example rows load without a rejection.
 */

/** Rows the drop-downs cover: a county's households fit; rows below take any value and are checked when read. */
const VALIDATED_ROWS = 10_000;

/** The columns of a kind: every field, an object by the dotted columns of its fields; lists as one JSON cell. */
function columnsOf(entries: readonly FieldEntry[]): FieldEntry[] {
  const inColumns = entries.filter((entry) => !entry.field.includes('[]'));
  return inColumns.filter((entry) => entry.type !== 'object' || !inColumns.some((other) => other.field.startsWith(`${entry.field}.`)));
}

function exampleCell(entry: FieldEntry, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return entry.values?.find((v) => v.value === value)?.zh ?? value;
  return JSON.stringify(value);
}

function choices(entry: FieldEntry): string[] | null {
  if (entry.type === 'boolean') return ['是', '否'];
  if (entry.type === 'enum' && entry.values !== undefined) return entry.values.map((v) => v.zh);
  return null;
}

function limitsText(entry: FieldEntry): string {
  const bounds = entry.limits?.enforced;
  if (bounds === undefined) return '';
  return [bounds.min === undefined ? null : `≥ ${bounds.min}`, bounds.max === undefined ? null : `≤ ${bounds.max}`].filter((part) => part !== null).join(', ');
}

function explanationSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('说明');
  sheet.addRow(['工作表 sheet', '列名 column (zh)', 'column (en)', '字段 field', '类型 type', '单位 unit', '可选值 allowed values', '范围 limits', '必填 required']);
  for (const kind of RECORD_KIND_NAMES) {
    for (const entry of DATA_DICTIONARY[kind]) {
      const type = FIELD_TYPE_LABELS[entry.type];
      sheet.addRow([
        `${RECORD_KIND_ZH[kind]} ${RECORD_KINDS[kind].fileStem}`,
        entry.zh,
        entry.en,
        entry.field,
        `${type.zh} ${type.en}`,
        entry.unit === null ? '' : `${entry.unit.zh} ${entry.unit.en}`,
        (entry.values ?? []).map((v) => `${v.zh} = ${v.value} (${v.en})`).join('\n'),
        limitsText(entry),
        entry.required ? '是' : '否',
      ]);
    }
  }
}

export function templateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const kind of RECORD_KIND_NAMES) {
    const columns = columnsOf(DATA_DICTIONARY[kind]);
    const sheet = workbook.addWorksheet(RECORD_KIND_ZH[kind]);
    sheet.addRow(columns.map((entry) => `${entry.zh}\n${entry.field}`));
    sheet.getRow(1).alignment = { wrapText: true };
    sheet.addRow(columns.map((entry) => exampleCell(entry, valueAtField(exampleRecord(kind), entry.field))));
    columns.forEach((entry, index) => {
      const list = choices(entry);
      if (list === null) return;
      const letter = sheet.getColumn(index + 1).letter;
      const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
      validations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '不在可选值中 Not an allowed value',
        error: list.join(' / '),
      });
    });
  }
  explanationSheet(workbook);
  return workbook;
}
