import type { Stores } from '../../ports/stores.js';
import type { GateReport } from '../rule-publishing/gate-report.js';
import type { CountyImpact, ImpactPreview, OutcomeChange } from '../rule-publishing/impact/outcome-changes.js';
import { DraftNotFoundError, DraftReportNotFoundError } from './draft-errors.js';
import { reportSummary, type StepReportSummary } from './stored-step.js';

// A step's stored report read in pages. For a province the impact lists tens of thousands of
// households, a few MB: more than one API response may carry. The report's small parts (the
// gate's steps and problems, the counts per county, the failures) come whole with every page;
// its changes — every county's `examples`, in the stored order — come `limit` at a time.

/** The most changes one page carries: a page stays well under a response's 6 MB. */
export const MAX_REPORT_PAGE = 1_000;

/** One change of a report's impact, with the county whose list it is in. */
export type ReportChange = OutcomeChange & { readonly countyId: string };

/** The impact without its change lists: each county's counts, the failures and what was skipped. */
export type ImpactOutline = Omit<ImpactPreview, 'counties'> & { readonly counties: readonly Omit<CountyImpact, 'examples'>[] };

export interface ReportPage {
  readonly ruleSetId: string;
  readonly draftId: string;
  readonly reportKey: string;
  readonly summary: StepReportSummary;
  readonly preview: ImpactOutline | null;
  readonly offset: number;
  readonly limit: number;
  /** How many changes the whole report lists. */
  readonly total: number;
  /** The offset of the next page, null after the last. */
  readonly nextOffset: number | null;
  readonly changes: readonly ReportChange[];
}

/** Every change of the report's impact, county after county, each county's list in its stored order. */
export function reportChanges(report: GateReport): ReportChange[] {
  return (report.preview?.counties ?? []).flatMap((county) => county.examples.map((change) => ({ ...change, countyId: county.countyId })));
}

/**
 * The page of `report` from `offset`, at most `limit` changes (capped at `MAX_REPORT_PAGE`),
 * with the report's summary and its impact's outline.
 */
export function pageOfReport(report: GateReport, where: { ruleSetId: string; draftId: string; reportKey: string }, offset: number, limit: number): ReportPage {
  const size = Math.max(1, Math.min(limit, MAX_REPORT_PAGE));
  const all = reportChanges(report);
  const changes = all.slice(offset, offset + size);
  const preview = report.preview ? { ...report.preview, counties: report.preview.counties.map(({ examples: _examples, ...county }) => county) } : null;
  return {
    ...where,
    summary: reportSummary(report),
    preview,
    offset,
    limit: size,
    total: all.length,
    nextOffset: offset + size < all.length ? offset + size : null,
    changes,
  };
}

/**
 * `GET …/drafts/{draftId}/reports/{reportKey}`: a page of the report a step of the draft keeps.
 * `DraftNotFoundError` for no such draft, `DraftReportNotFoundError` for no such report.
 */
export async function readReportPage(stores: Pick<Stores, 'drafts'>, where: { ruleSetId: string; draftId: string; reportKey: string }, offset: number, limit: number): Promise<ReportPage> {
  const report = await stores.drafts.report(where.ruleSetId, where.draftId, where.reportKey);
  if (report) return pageOfReport(report, where, offset, limit);
  if (!(await stores.drafts.overview(where.ruleSetId, where.draftId))) throw new DraftNotFoundError(where.ruleSetId, where.draftId);
  throw new DraftReportNotFoundError(where.draftId, where.reportKey);
}
