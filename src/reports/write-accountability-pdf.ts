import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import { TuopinError } from '../kernel/errors.js';
import { message, type Lang } from '../i18n/messages.js';
import type { ListRow, ScoreRow } from '../standards/accountability/accountability-output.js';
import type { ReportText } from './summary-text.js';

/** Debian's fonts-noto-cjk (SIL Open Font License 1.1): Noto Sans CJK, Simplified Chinese face of the collection. */
export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' } as const;

/** The CJK font is not installed: the PDF could not show a single Chinese name. */
export class ReportFontMissingError extends TuopinError {
  constructor(
    readonly path: string,
    lang: Lang,
  ) {
    super('REPORT_FONT_MISSING', message(lang, 'pdf.fontMissing', { path }));
  }
}

/** Fails now, not after an hours-long run, when the PDF could not be written for want of its font. */
export function assertReportFont(lang: Lang, font: { path: string } = CJK_FONT): void {
  if (!existsSync(font.path)) throw new ReportFontMissingError(font.path, lang);
}

const SIZE = { title: 16, heading: 13, body: 10, small: 9 } as const;

/** A paragraph indented as a whole (pdfkit's `indent` moves only its first line). */
function para(doc: PDFKit.PDFDocument, text: string, indent: number, size: number = SIZE.body): void {
  const left = doc.page.margins.left + indent;
  doc.fontSize(size).text(text, left, doc.y, { width: doc.page.width - doc.page.margins.right - left });
}

function countyOfUnits(scores: readonly ScoreRow[]): Map<string, string> {
  return new Map(scores.map((s) => [`${s.unitType}/${s.unitId}`, s.countyId]));
}

function listSection(doc: PDFKit.PDFDocument, text: ReportText, title: string, rows: readonly ListRow[]): void {
  doc.moveDown(0.8);
  para(doc, title, 0, SIZE.heading);
  if (rows.length === 0) para(doc, text.t('pdf.empty'), 12);
  for (const row of rows) {
    doc.moveDown(0.4);
    para(doc, text.t('summary.official', { name: text.official(row), title: row.official.title ?? '', unit: row.unitName ?? text.unit(row.unitId), unitType: text.unitType(row.unitType), unitId: row.unitId }), 12);
    para(doc, text.t('summary.trigger', { trigger: row.triggerLabel[text.lang] }), 24);
    for (const reason of row.reasons) {
      const villages = text.join(reason.villages.map((id) => text.village(id)));
      para(doc, text.t('summary.reason', { indicator: reason.label[text.lang], value: text.percent(reason.value), points: reason.pointsLost, households: reason.households.length, villages }), 24);
      para(doc, text.t('pdf.households', { households: text.join(reason.households.map((id) => text.household(id))) }), 36, SIZE.small);
    }
  }
}

function cardSection(doc: PDFKit.PDFDocument, text: ReportText, scores: readonly ScoreRow[]): void {
  doc.moveDown(0.8);
  para(doc, text.t('pdf.cards'), 0, SIZE.heading);
  const carded = scores.filter((s) => s.card !== null);
  if (carded.length === 0) para(doc, text.t('pdf.empty'), 12);
  for (const s of carded) {
    const line =
      s.card === 'red-flag'
        ? text.t('summary.cardRow', { unitType: text.unitType(s.unitType), unit: text.unit(s.unitId), score: s.score })
        : text.t('summary.yellowRow', { unitType: text.unitType(s.unitType), unit: text.unit(s.unitId), score: s.score, consecutive: s.consecutiveYellow, thisYear: s.yellowThisYear });
    para(doc, `${text.t(`card.${s.card!}`)} · ${line}`, 12);
  }
}

/**
 * Writes accountability.pdf: per county and quarter, the interview and resignation lists with
 * their reasons and the households and villages behind them, then the red flags and yellow
 * cards. Chinese is embedded as text (a subset of the CJK font), so it can be searched and copied.
 */
export async function writeAccountabilityPdf(file: string, text: ReportText, font: { path: string; face: string } = CJK_FONT): Promise<void> {
  assertReportFont(text.lang, font);
  const { model } = text;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: text.t('pdf.title') } });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('cjk', font.path, font.face);
  doc.font('cjk');
  const unitCounty = countyOfUnits(model.scores);
  const countyIds = [...new Set([...model.counties.map((c) => c.id), ...model.scores.map((s) => s.countyId)])].sort();
  countyIds.forEach((countyId, index) => {
    if (index > 0) doc.addPage();
    para(doc, text.t('pdf.title'), 0, SIZE.title);
    para(doc, text.t('pdf.subtitle', { county: text.county(countyId), quarter: model.run.quarter }), 0, SIZE.heading);
    const rows = model.lists.filter((row) => unitCounty.get(`${row.unitType}/${row.unitId}`) === countyId);
    listSection(doc, text, text.t('pdf.interview'), rows.filter((row) => row.list === 'interview'));
    listSection(doc, text, text.t('pdf.resignation'), rows.filter((row) => row.list === 'resignation'));
    cardSection(doc, text, model.scores.filter((s) => s.countyId === countyId));
  });
  if (countyIds.length === 0) doc.fontSize(SIZE.title).text(text.t('pdf.title')).fontSize(SIZE.body).text(text.t('pdf.empty'));
  doc.end();
  await once(out, 'finish');
}
