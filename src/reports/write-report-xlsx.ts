import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { HouseholdSheets, NamedHouseholdRow } from './household-sheets.js';
import type { ReportText } from './summary-text.js';
import type { MessageKey } from '../i18n/messages.js';

type Cell = string | number | null;

interface Column {
  /** A catalogue key, or a label already in the report's language (an indicator's). */
  readonly header: MessageKey | { readonly text: string };
  readonly width: number;
  /** Excel number format, for numbers stored as numbers. */
  readonly numFmt?: string;
}

const col = (header: Column['header'], width: number, numFmt?: string): Column => (numFmt ? { header, width, numFmt } : { header, width });

/** Rows committed between two looks at the zip's backlog. */
const ROWS_PER_TURN = 256;
/** Uncompressed bytes a sheet may have waiting for the zip's deflate before rows stop coming. */
export const ZIP_BACKLOG_LIMIT = 1 << 20;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/**
 * The bytes a sheet has made that the file has not taken yet: the XML waiting in the queue of
 * the zip entry it writes into, and the compressed bytes waiting in the zip's output. exceljs
 * writes into the entry, and archiver into its output, without heeding either's backpressure,
 * so both queues are read from the streams' own state.
 */
export function zipBacklog(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet): number {
  const entries = (sheet as unknown as { _stream?: { pipes?: readonly QueuedStream[] } })._stream?.pipes ?? [];
  const zip = (workbook as unknown as { zip?: QueuedStream }).zip;
  return entries.reduce((sum, entry) => sum + writable(entry), 0) + (zip?._readableState?.length ?? 0);
}

/** A stream of archiver's `readable-stream`, whose older versions have no `writableLength`. */
interface QueuedStream {
  readonly writableLength?: number;
  readonly _writableState?: { readonly length?: number };
  readonly _readableState?: { readonly length?: number };
}
/** The workbook being written, and how far its zip may fall behind the rows. */
interface SheetWriter {
  readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly backlogLimit: number;
}
const writable = (stream: QueuedStream) => stream.writableLength ?? stream._writableState?.length ?? 0;

/**
 * Adds one sheet: header row frozen and filtered, widths set, then rows committed one by one.
 * Every few hundred rows it lets the event loop turn, and waits while the zip's backlog is over
 * its limit, so the zip compresses and writes what was committed as fast as it comes: in one
 * synchronous loop a province's household sheets sat whole in the zip's buffers (about 200 MB
 * of XML at a million households) until the loop ended, and turning the loop alone still let
 * them grow whenever deflate and the disk were slower than the rows.
 */
async function addSheet(writer: SheetWriter, text: ReportText, name: MessageKey, columns: readonly Column[], rows: Iterable<readonly Cell[]>): Promise<void> {
  const { workbook, backlogLimit } = writer;
  const sheet = workbook.addWorksheet(text.t(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, index) => ({ header: typeof c.header === 'string' ? text.t(c.header) : c.header.text, key: `c${index}`, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let committed = 0;
  for (const cells of rows) {
    sheet.addRow([...cells]).commit();
    committed += 1;
    if (committed % ROWS_PER_TURN !== 0) continue;
    await nextTurn();
    // Rows wait while the zip is behind: the XML waiting for deflate grew with the sheet (over 150 MiB at a million households).
    while (zipBacklog(workbook, sheet) > backlogLimit) await pause();
  }
  sheet.commit();
}

function* householdRows(text: ReportText, rows: Iterable<NamedHouseholdRow>): Generator<Cell[]> {
  for (const row of rows) {
    const { villageId } = row;
    const village = villageId !== null ? text.names.villages.get(villageId) : undefined;
    yield [
      village ? text.county(village.countyId) : null,
      villageId !== null ? text.townshipOfVillage(villageId) : null,
      villageId !== null ? text.village(villageId) : null,
      row.householdId,
      row.headName,
      text.outcome(row.ruleSetId, row.outcome),
      row.failing.map((id) => text.item(row.ruleSetId, id)).join('；'),
      row.unknown.map((id) => text.item(row.ruleSetId, id)).join('；'),
      row.missing.join(', '),
    ];
  }
}

/** One row per household behind a listed official's indicator: the people a list is about. */
function* listHouseholdRows(text: ReportText): Generator<Cell[]> {
  for (const row of text.model.lists) {
    for (const reason of row.reasons) {
      for (const id of reason.households) {
        const household = text.names.households.get(id);
        yield [text.t(`list.${row.list}`), row.unitId, row.unitName ?? text.unit(row.unitId), row.official.name, reason.label[text.lang], household ? text.village(household.villageId) : null, id, household?.headName ?? null];
      }
    }
  }
}

const HOUSEHOLD_COLUMNS = (failing: MessageKey) => [
  col('column.county', 18),
  col('column.township', 12),
  col('column.village', 24),
  col('column.householdId', 22),
  col('column.headName', 12),
  col('column.outcome', 22),
  col(failing, 50),
  col('column.unknownItems', 40),
  col('column.missing', 40),
];

/**
 * Writes report.xlsx with exceljs's streaming writer: each row is committed as it is added, so a
 * province's failing households never sit in the workbook in memory, and with spilled
 * `households` rows not in the heap either. Headers are Chinese.
 */
export async function writeReportXlsx(file: string | Writable, text: ReportText, households: HouseholdSheets, backlogLimit = ZIP_BACKLOG_LIMIT): Promise<void> {
  const { model } = text;
  // A file for the commands; a stream for the read route, which sends the workbook as it is written.
  const target = typeof file === 'string' ? { filename: file } : { stream: file };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: false });
  const writer: SheetWriter = { workbook, backlogLimit };
  await addSheet(
    writer,
    text,
    'sheet.villages',
    [col('column.county', 18), col('column.township', 12), col('column.villageId', 16), col('column.village', 14), col('column.outcome', 24), col('column.numerator', 14, '0'), col('column.denominator', 14, '0'), col('column.ratio', 12, '0.00%'), col('column.failingItems', 50), col('column.unknownItems', 40), col('column.missing', 40)],
    model.villages.map((row) => {
      const village = text.names.villages.get(row.id);
      return [village ? text.county(village.countyId) : null, text.townshipOfVillage(row.id), row.id, village?.name ?? null, row.outcomeLabel[text.lang], row.numerator, row.denominator, row.ratio, text.itemsOf(row.items, 'fail'), text.itemsOf(row.items, 'unknown'), row.missing.join(', ')];
    }),
  );
  await addSheet(writer, text, 'sheet.households', HOUSEHOLD_COLUMNS('column.failingItems'), householdRows(text, households.households));
  await addSheet(writer, text, 'sheet.identification', HOUSEHOLD_COLUMNS('column.reasons'), householdRows(text, households.identification));
  await addSheet(writer, text, 'sheet.returnRisk', HOUSEHOLD_COLUMNS('column.reasons'), householdRows(text, households.returnRisk));
  const indicatorIds = [...new Set(model.scores.flatMap((s) => Object.keys(s.indicators)))].sort();
  // Score rows carry indicator ids; their labels travel with the list rows' reasons.
  const indicatorLabels = new Map(model.lists.flatMap((row) => row.reasons.map((reason) => [reason.indicator as string, reason.label[text.lang]] as const)));
  await addSheet(
    writer,
    text,
    'sheet.scores',
    [col('column.unitType', 10), col('column.unitId', 14), col('column.unit', 24), col('column.quarter', 8), col('column.score', 8, '0.00'), ...indicatorIds.map((id) => col({ text: indicatorLabels.get(id) ?? id }, 16, '0.00%')), col('column.card', 10)],
    model.scores.map((s) => [text.unitType(s.unitType), s.unitId, text.unit(s.unitId), s.quarter, s.score, ...indicatorIds.map((id) => s.indicators[id as keyof typeof s.indicators] ?? null), s.card ? text.t(`card.${s.card}`) : null]),
  );
  const history = new Map(model.lists.map((row) => [`${row.unitType}/${row.unitId}`, row.cardHistory.join(', ')]));
  await addSheet(
    writer,
    text,
    'sheet.cards',
    [col('column.unitType', 10), col('column.unitId', 14), col('column.unit', 24), col('column.quarter', 8), col('column.card', 10), col('column.score', 8, '0.00'), col('column.consecutiveYellow', 12, '0'), col('column.yellowThisYear', 12, '0'), col('column.cardHistory', 50)],
    model.scores
      .filter((s) => s.card !== null || s.yellowThisYear > 0)
      .map((s) => [text.unitType(s.unitType), s.unitId, text.unit(s.unitId), s.quarter, s.card ? text.t(`card.${s.card}`) : null, s.score, s.consecutiveYellow, s.yellowThisYear, history.get(`${s.unitType}/${s.unitId}`) ?? null]),
  );
  await addSheet(
    writer,
    text,
    'sheet.lists',
    [col('column.list', 10), col('column.unitType', 10), col('column.unitId', 14), col('column.unit', 24), col('column.official', 10), col('column.title', 14), col('column.trigger', 50), col('column.indicator', 24), col('column.value', 10, '0.00%'), col('column.pointsLost', 8, '0.00'), col('column.households', 10, '0'), col('column.villages', 40)],
    model.lists.flatMap((row) => {
      const head = [text.t(`list.${row.list}`), text.unitType(row.unitType), row.unitId, row.unitName ?? text.unit(row.unitId), row.official.name, row.official.title, row.triggerLabel[text.lang]];
      if (row.reasons.length === 0) return [[...head, null, null, null, null, null]];
      return row.reasons.map((reason) => [...head, reason.label[text.lang], reason.value, reason.pointsLost, reason.households.length, reason.villages.map((id) => text.village(id)).join(', ')]);
    }),
  );
  await addSheet(
    writer,
    text,
    'sheet.listHouseholds',
    [col('column.list', 10), col('column.unitId', 14), col('column.unit', 24), col('column.official', 10), col('column.indicator', 24), col('column.village', 24), col('column.householdId', 22), col('column.headName', 12)],
    listHouseholdRows(text),
  );
  await workbook.commit();
}
