import { PassThrough } from 'node:stream';
import type { Stores } from '../ports/stores.js';
import { streamRun } from '../use-cases/export-run.js';
import { nameReport } from './household-sheets.js';
import { ReportModelBuilder } from './report-model.js';
import type { NameSource } from './report-names.js';
import { ReportText } from './summary-text.js';
import { writeReportXlsx } from './write-report-xlsx.js';
import { parseQuarter } from '../kernel/quarter.js';
import { SubjectNotFoundError } from '../use-cases/use-case-errors.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook ready to send: its bytes and the file name a browser saves it under. */
export interface CountyReport {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/**
 * The quarter's report.xlsx of one county, built from what the stores hold exactly as
 * `tuopin export` builds it from the output files: the same model (verdicts streamed in output
 * order, scores, lists), the same names and the same writer, so the console offers the workbook
 * the county office gets. The run facts are the quarter's latest run's.
 */
export async function countyReportXlsx(stores: Stores, countyId: string, quarter: string): Promise<CountyReport> {
  const { year } = parseQuarter(quarter);
  const county = await stores.records.getCounty(countyId);
  if (!county) throw new SubjectNotFoundError('county', countyId);
  const [run, runs] = [await streamRun(stores, quarter, year, [countyId]), await stores.runs.listRuns(quarter)];
  const builder = new ReportModelBuilder();
  for await (const verdict of run.verdicts('collect')) builder.addVerdict(verdict);
  for (const score of run.scores) builder.addScore(score);
  for (const row of run.lists) builder.addListRow(row);
  const latest = runs.at(-1) ?? null;
  const model = builder.build({
    runId: latest?.runId ?? null,
    quarter,
    status: latest?.status ?? null,
    ruleSetVersions: latest?.ruleSetVersions ?? null,
    writes: latest?.writes ?? null,
    outcomes: { total: run.outcomes().total },
  });
  // Names of this county only: the report lists nothing else.
  const { records } = stores;
  const source: NameSource = {
    listCounties: async () => [county],
    listTownships: (id) => records.listTownships(id),
    listVillages: (id) => records.listVillages(id),
    listUnits: (id) => records.listUnits(id),
    listHouseholdNames: (id) => records.listHouseholdNames(id),
  };
  const { names, sheets } = await nameReport(source, model);
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  // The workbook is for the county offices: Chinese headers, as tuopin export writes it.
  await writeReportXlsx(sink, new ReportText('zh', model, names), sheets);
  await ended;
  return { fileName: `${county.name ?? countyId}${quarter}评估报告.xlsx`, bytes: Buffer.concat(chunks) };
}
