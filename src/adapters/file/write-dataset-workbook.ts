import ExcelJS from 'exceljs';
import { csvVocabularyOf } from '../../records/csv/csv-vocabulary.js';
import type { FieldEntry } from '../../records/dictionary/data-dictionary.js';
import { RECORD_KIND_NAMES, RECORD_KIND_ZH, RECORD_KINDS, type RecordKind } from '../../records/schemas/record-kinds.js';

/**
 * Writes records as the workbook a county clerk keeps: a sheet per kind named in Chinese, zh
 * headers, and the clerk's spellings of values (`是`/`否`, `已脱贫`, `B级（基本安全）`), numbers as
 * Excel numbers. An object field whose fields are all plain values is laid out as one column
 * per field (`住房安全等级`); lists and other objects are one JSON cell. Read back, it gives the
 * same records, which is what lets the sample county ship as a workbook too.
 */

type Row = Readonly<Record<string, unknown>>;

interface Column {
  readonly path: readonly string[];
  readonly header: string;
  readonly entry: FieldEntry | undefined;
}

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

function columnsOf(kind: RecordKind, rows: readonly Row[]): Column[] {
  const vocabulary = csvVocabularyOf(RECORD_KINDS[kind].schema);
  const zhOf = (field: string): string => vocabulary?.entries.get(field)?.zh ?? field;
  const keys = new Map<string, Set<string> | null>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (!keys.has(key)) keys.set(key, new Set());
      const sub = keys.get(key);
      if (sub === null || sub === undefined) continue;
      if (value === null) continue;
      // Dotted columns only when every field of the object is a plain value the dictionary names.
      if (isObject(value) && Object.entries(value).every(([k, v]) => !isObject(v) && !Array.isArray(v) && vocabulary?.entries.has(`${key}.${k}`))) {
        for (const k of Object.keys(value)) sub.add(k);
      } else keys.set(key, null);
    }
  }
  const columns: Column[] = [];
  for (const [key, sub] of keys) {
    if (sub === null || sub.size === 0) columns.push({ path: [key], header: zhOf(key), entry: vocabulary?.entries.get(key) });
    else for (const k of sub) columns.push({ path: [key, k], header: zhOf(`${key}.${k}`), entry: vocabulary?.entries.get(`${key}.${k}`) });
  }
  return columns;
}

function cellOf(value: unknown, entry: FieldEntry | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return entry?.values?.find((v) => v.value === value)?.zh ?? value;
  return JSON.stringify(value);
}

function valueAt(row: Row, path: readonly string[]): unknown {
  const [key, sub] = path;
  const value = row[key!];
  if (sub === undefined) return value;
  return isObject(value) ? value[sub] : undefined;
}

/** The workbook of a dataset's records, kinds in the contract's order, a kind without records left out. */
export function datasetWorkbook(records: Readonly<Partial<Record<RecordKind, readonly Row[]>>>): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const kind of RECORD_KIND_NAMES) {
    const rows = records[kind] ?? [];
    if (rows.length === 0) continue;
    const columns = columnsOf(kind, rows);
    const sheet = workbook.addWorksheet(RECORD_KIND_ZH[kind]);
    sheet.addRow(columns.map((column) => column.header));
    for (const row of rows) sheet.addRow(columns.map((column) => cellOf(valueAt(row, column.path), column.entry)));
  }
  return workbook;
}
