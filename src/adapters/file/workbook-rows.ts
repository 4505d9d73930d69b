import { Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CsvRecord } from '../../records/csv/parse-csv.js';
import { openWorkbook, unreadableWorkbook, usesDate1904 } from './workbook-zip.js';

// Where a workbook's sheets are is read beside this; re-exported so a dataset's readers share an import.
export { listWorkbookSheets, sheetPartSize } from './workbook-zip.js';

/**
 * The rows of an `.xlsx` sheet as text cells, read with exceljs's streaming reader so a
 * province's households sheet never sits in memory: only the current row is held (with the
 * workbook's styles and shared strings, which every row refers to). Cells are
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
    // A formula is given by its result before this (see `formulaResult`).
    const cell = value as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join('');
    if (typeof cell.text === 'string') return cell.text;
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value);
}

/** A row as exceljs reads it: its number, its cells' values from index 1, each cell with its number format. */
interface SheetRow {
  readonly number: number;
  readonly values: unknown;
  getCell(column: number): { readonly numFmt?: string };
}

/** Whether a number format shows a date: exceljs's rule for a plain cell (a day, month, year, hour or second code outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A day count as the UTC Date of that day, in the workbook's date system, as exceljs reads a plain date cell. */
const excelDate = (days: number, date1904: boolean): Date => new Date(Math.round((days - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/**
 * A formula keeps its last result as a bare number, a date too: exceljs types only plain cells
 * by their format, so a formula's result is typed here by the same rule (`=DATE(2018,3,1)` in
 * a cell formatted as a date reads as `2018-03-01`, as the date typed in would).
 */
function formulaResult(row: SheetRow, column: number, value: unknown, date1904: boolean): unknown {
  if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return value;
  const { result } = value as { result?: unknown };
  return typeof result === 'number' && isDateFormat(row.getCell(column).numFmt) ? excelDate(result, date1904) : result;
}

/** A row's cells from column A; trailing empty cells dropped. */
function rowCells(row: SheetRow, date1904: boolean): string[] {
  const list = Array.isArray(row.values) ? row.values.slice(1) : [];
  const cells = Array.from({ length: list.length }, (_, i) => cellText(formulaResult(row, i + 1, list[i], date1904)));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/**
 * The parts of exceljs's streaming reader this module drives: it parses the styles, the shared
 * strings and one sheet when handed their streams, and keeps what it parsed on itself, where
 * the sheet's reader looks for it when the sheet's first row is read.
 */
interface ReaderParts {
  readonly styles: { readonly index: { readonly numFmt: Record<number, string> } };
  sharedStrings?: unknown[];
  properties?: unknown;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterable<{ eventType: string; value: SheetReader }>;
}

/** A sheet as exceljs reads it: its rows. */
type SheetReader = AsyncIterable<SheetRow>;

/**
 * The built-in number formats Excel and WPS in Chinese save by id alone, with no code in
 * styles.xml (the standard leaves them to the locale), which exceljs does not know: the long
 * dates (`2018年3月1日` is 31, `2018年3月` 57) and times, by their zh-CN codes, so that such a
 * cell reads as a date as `2018/3/1` (id 14) does.
 */
const YEAR_MONTH = 'yyyy"年"m"月"';
const MONTH_DAY = 'm"月"d"日"';
const [HOURS, SECONDS] = ['h"时"mm"分"', 'h"时"mm"分"ss"秒"'];
const CHINESE_BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  ...{ 27: YEAR_MONTH, 28: MONTH_DAY, 29: MONTH_DAY, 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: HOURS, 33: SECONDS, 34: `上午/下午 ${HOURS}`, 35: `上午/下午 ${SECONDS}`, 36: YEAR_MONTH },
  ...{ 50: YEAR_MONTH, 51: MONTH_DAY, 52: YEAR_MONTH, 53: MONTH_DAY, 54: MONTH_DAY, 55: `上午/下午 ${HOURS}`, 56: `上午/下午 ${SECONDS}`, 57: YEAR_MONTH, 58: MONTH_DAY },
};

const READER_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as const;

/**
 * The reader of the sheet stored as part `fileNo`, with the workbook's styles (a date is a
 * number whose style has a date format), shared strings and date system loaded in full before
 * it is made; `null` when the workbook has no such part.
 *
 * Every part is found through the zip's central directory and read by name, never by walking
 * the zip: exceljs's own walk (`WorkbookReader.parse`) ends when unzipper says the zip has
 * ended, which it does as soon as the last bytes are parsed, while entries it has already
 * found may still wait to be handed on. The parts at the zip's end — where exceljs's writer
 * puts the shared strings, the styles and `workbook.xml` — were then never read, in some reads
 * and not others: the dates of such a sheet came out as day counts (`43160`), and a sheet
 * stored after many others was missed altogether. Read by name and awaited one after the
 * other, the styles and shared strings are complete before the sheet's first row whatever
 * the order of the zip and however busy the machine. (exceljs 4.4.0 is pinned by its exact
 * version in package.json; the workbook tests cover these methods.)
 */
async function sheetReader(path: string, fileNo: string, onBytes: (bytes: number) => void): Promise<{ rows: SheetReader; part: Readable; date1904: boolean } | null> {
  const zip = await openWorkbook(path);
  const entry = (name: string) => zip.files.find((file) => file.path === name);
  const sheet = entry(`xl/worksheets/sheet${fileNo}.xml`);
  if (sheet === undefined) return null;
  const bytes = async (name: string): Promise<Buffer | null> => (await entry(name)?.buffer()) ?? null;
  const [workbookXml, styles, sharedStrings] = await Promise.all([bytes('xl/workbook.xml'), bytes('xl/styles.xml'), bytes('xl/sharedStrings.xml')]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, READER_OPTIONS) as unknown as ReaderParts;
  // Without a styles part every cell keeps the default style, and no number is a date.
  if (styles !== null) await reader._parseStyles(Readable.from([styles]));
  const formats = reader.styles.index.numFmt;
  for (const [id, code] of Object.entries(CHINESE_BUILT_IN_FORMATS)) formats[Number(id)] ??= code;
  reader.sharedStrings = [];
  if (sharedStrings !== null) {
    // Cached, the shared strings fill `reader.sharedStrings` and the parse yields nothing.
    for await (const nothing of reader._parseSharedStrings(Readable.from([sharedStrings]))) void nothing;
  }
  const date1904 = usesDate1904(workbookXml?.toString('utf8') ?? '');
  reader.properties = { model: { date1904 } };
  // The sheet's XML is counted as it is inflated, against its size in the zip's directory (`sheetPartSize`).
  const part = sheet.stream().pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        onBytes(chunk.length);
        done(null, chunk);
      },
    }),
  );
  const [event] = reader._parseWorksheet(part, fileNo);
  return event === undefined ? null : { rows: event.value, part, date1904 };
}

/**
 * The rows of the sheet stored as part `fileNo` (see `listWorkbookSheets`), each at its row
 * number as `line`. Empty rows are left out; a row holding cells past the header's last column
 * keeps them, so the reader refuses it as a CSV row with more cells than the header. The first
 * row given is the header.
 */
export async function* workbookSheetRows(path: string, fileNo: string, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<CsvRecord> {
  const sheet = await sheetReader(path, fileNo, onBytes).catch((cause: unknown) => {
    throw unreadableWorkbook(path, cause);
  });
  if (sheet === null) return;
  let width: number | null = null;
  const rows = sheet.rows[Symbol.asyncIterator]();
  try {
    for (;;) {
      // Only the reader's own faults (a damaged part) are the workbook's; the rows' reader's are its own.
      const next = await rows.next().catch((cause: unknown) => {
        throw unreadableWorkbook(path, cause);
      });
      if (next.done === true) return;
      const row = next.value;
      const cells = rowCells(row, sheet.date1904);
      if (cells.length === 0) continue;
      // A clerk's row often stops short where its last cells are empty: pad it to the header.
      if (width === null) width = cells.length;
      else while (cells.length < width) cells.push('');
      yield { line: row.number, cells };
    }
  } finally {
    // A reader that stops early (a refused header) lets go of the file.
    sheet.part.destroy();
    await rows.return?.(undefined);
  }
}
