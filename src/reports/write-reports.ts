import { join } from 'node:path';
import type { Lang } from '../i18n/messages.js';
import { readRunOutput } from './read-run-output.js';
import { nameReport } from './household-sheets.js';
import type { NameSource } from './report-names.js';
import { ReportText, summaryText } from './summary-text.js';
import { existsSync } from 'node:fs';
import { message } from '../i18n/messages.js';
import { CJK_FONT, writeAccountabilityPdf } from './write-accountability-pdf.js';
import { writeReportXlsx } from './write-report-xlsx.js';

export const REPORT_FILES = { xlsx: 'report.xlsx', pdf: 'accountability.pdf' } as const;

export interface WrittenReports {
  /** The readable summary, for the command to print. */
  readonly summary: string;
  readonly files: readonly string[];
  /** What a person should know about reports not written (the PDF without its font), one line each. */
  readonly notices: readonly string[];
}

/**
 * Reads the output files of `outDir` back (streaming), writes report.xlsx (Chinese headers)
 * and accountability.pdf beside them, and returns the readable summary in `lang`. The one
 * place every command that writes output files turns them into reports.
 */
export async function writeReports(outDir: string, names: NameSource, lang: Lang, font: { path: string; face: string } = CJK_FONT): Promise<WrittenReports> {
  const model = await readRunOutput(outDir);
  // Household rows and their names stream through scratch files: flat memory however many fail.
  const { names: loaded, sheets } = await nameReport(names, model, { spill: true });
  const xlsx = join(outDir, REPORT_FILES.xlsx);
  const pdf = join(outDir, REPORT_FILES.pdf);
  // The workbook is for the county offices: its headers are Chinese whatever the locale.
  await writeReportXlsx(xlsx, new ReportText('zh', model, loaded), sheets);
  const text = new ReportText(lang, model, loaded);
  // A machine without the CJK font still scores and writes every other output: the PDF is
  // left out with a notice saying what to install, never written with empty boxes.
  if (!existsSync(font.path)) return { summary: summaryText(text), files: [xlsx], notices: [message(lang, 'pdf.fontMissing', { path: font.path })] };
  await writeAccountabilityPdf(pdf, text, font);
  return { summary: summaryText(text), files: [xlsx, pdf], notices: [] };
}
