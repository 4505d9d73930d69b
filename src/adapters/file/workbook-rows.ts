import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import type { CsvRecord } from '../../records/csv/parse-csv.js';

/**
 * The rows of an `.xlsx` sheet as text cells, read with exceljs's streaming reader so a
 * province's households sheet never sits in memory: only the current row is held. Cells are
 * written as the CSV reader expects them: Excel's native numbers as their shortest decimal
 * (`50000`), booleans as `true`/`false`, dates as `YYYY-MM-DD`, formulas by their result.
 */

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Excel stores a date as a day count; exceljs gives it as a UTC Date of that day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (typeof cell.text === 'string') return cell.text;
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value);
}

/** A row's cells from column A; trailing empty cells dropped. */
function rowCells(values: unknown): string[] {
  const list = Array.isArray(values) ? values.slice(1) : [];
  const cells = Array.from({ length: list.length }, (_, i) => cellText(list[i]));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

interface ReaderInternals {
  model?: unknown;
  properties?: unknown;
  _parseWorkbook(entry: unknown): Promise<void>;
  _parseWorksheet(iterator: unknown, sheetNo: string): Iterable<{ eventType: string; value: { fileNo?: string } }>;
}

/** A sheet as the streaming reader finds it: the number of its part (`xl/worksheets/sheet3.xml`). */
type SheetReader = AsyncIterable<{ number: number; values: unknown }> & { fileNo?: string };

/**
 * exceljs 4.4.0's streaming reader names a sheet from `xl/workbook.xml` when it meets the sheet,
 * and crashes when that part comes after the sheets (exceljs's own writer puts it last, and
 * then may end its walk before reaching it); it also crashes on a date cell when `workbook.xml`
 * has no `workbookPr`. So the reader starts with an empty model and properties (no properties
 * means the 1900 date system, Excel's default), each sheet is tagged with the number of its
 * part, and the names are read apart, from the zip's directory (see `listWorkbookSheets`).
 * (A small patch of a maintained library's internals, pinned by the exact version in
 * package.json and covered by the workbook tests.)
 */
function reader(path: string): AsyncIterable<SheetReader> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const internals = workbook as unknown as ReaderInternals;
  internals.model = { sheets: [] };
  internals.properties = {};
  const parseWorkbook = internals._parseWorkbook.bind(workbook);
  internals._parseWorkbook = async (entry) => {
    await parseWorkbook(entry);
    internals.properties ??= {};
  };
  const parseWorksheet = internals._parseWorksheet.bind(workbook);
  internals._parseWorksheet = function* (iterator, sheetNo) {
    for (const event of parseWorksheet(iterator, sheetNo)) {
      event.value.fileNo = sheetNo;
      yield event;
    }
  };
  return workbook as unknown as AsyncIterable<SheetReader>;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

/**
 * A workbook's sheets: name → the number of its part (`xl/worksheets/sheet3.xml` is `3`), in
 * the workbook's order. Only the two small parts that say so are read, from the zip's
 * directory, never the sheets.
 */
export async function listWorkbookSheets(path: string): Promise<Map<string, string>> {
  const zip = await unzipper.Open.file(path);
  const text = async (name: string): Promise<string> => (await zip.files.find((f) => f.path === name)?.buffer())?.toString('utf8') ?? '';
  const [workbookXml, relsXml] = await Promise.all([text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')]);
  const targets = new Map<string, string>();
  for (const tag of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const fileNo = /worksheets\/sheet(\d+)\.xml$/.exec(attribute(tag, 'Target') ?? '')?.[1];
    if (id !== undefined && fileNo !== undefined) targets.set(id, fileNo);
  }
  const sheets = new Map<string, string>();
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const fileNo = targets.get(attribute(tag, 'r:id') ?? '');
    if (name !== undefined && fileNo !== undefined) sheets.set(unescapeXml(name), fileNo);
  }
  return sheets;
}

/**
 * The rows of the sheet stored as part `fileNo` (see `listWorkbookSheets`), each at its row
 * number as `line`. Empty rows are left out; a row holding cells past the header's last column
 * keeps them, so the reader refuses it as a CSV row with more cells than the header. The first
 * row given is the header.
 */
export async function* workbookSheetRows(path: string, fileNo: string): AsyncGenerator<CsvRecord> {
  let width: number | null = null;
  for await (const sheet of reader(path)) {
    const found = sheet.fileNo === fileNo;
    for await (const row of sheet) {
      if (!found) continue;
      const cells = rowCells(row.values);
      if (cells.length === 0) continue;
      // A clerk's row often stops short where its last cells are empty: pad it to the header.
      if (width === null) width = cells.length;
      else while (cells.length < width) cells.push('');
      yield { line: row.number, cells };
    }
    if (found) return;
  }
}
