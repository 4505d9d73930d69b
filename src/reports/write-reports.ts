import { join } from 'node:path';
import type { Lang } from '../i18n/messages.js';
import { readRunOutput } from './read-run-output.js';
import { listedHouseholds } from './report-model.js';
import { loadReportNames, type NameSource } from './report-names.js';
import { ReportText, summaryText } from './summary-text.js';
import { assertReportFont, writeAccountabilityPdf } from './write-accountability-pdf.js';

export { assertReportFont };
import { writeReportXlsx } from './write-report-xlsx.js';

export const REPORT_FILES = { xlsx: 'report.xlsx', pdf: 'accountability.pdf' } as const;

export interface WrittenReports {
  /** The readable summary, for the command to print. */
  readonly summary: string;
  readonly files: readonly string[];
}

/**
 * Reads the output files of `outDir` back (streaming), writes report.xlsx (Chinese headers)
 * and accountability.pdf beside them, and returns the readable summary in `lang`. The one
 * place every command that writes output files turns them into reports.
 */
export async function writeReports(outDir: string, names: NameSource, lang: Lang): Promise<WrittenReports> {
  const model = await readRunOutput(outDir);
  const loaded = await loadReportNames(names, listedHouseholds(model));
  const files = [join(outDir, REPORT_FILES.xlsx), join(outDir, REPORT_FILES.pdf)] as const;
  // The workbook is for the county offices: its headers are Chinese whatever the locale.
  await writeReportXlsx(files[0], new ReportText('zh', model, loaded));
  const text = new ReportText(lang, model, loaded);
  await writeAccountabilityPdf(files[1], text);
  return { summary: summaryText(text), files };
}
