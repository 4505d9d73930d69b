import type { DraftStep, DraftStepOverview } from '../../ports/rule-draft-store.js';
import type { GateReport } from '../rule-publishing/gate-report.js';
import type { ImpactCount } from '../rule-publishing/impact/outcome-changes.js';

/**
 * Where a step's whole report is kept beside its draft: `key` names the step's report (unique
 * per write, so a refused or interrupted step never shares chunks with the step taken) and
 * `chunks` how many pieces the stores cut it into.
 */
export interface StepReportRef {
  readonly key: string;
  readonly chunks: number;
}

/** What a draft's own record keeps of a step's report: whether the gate passed, its steps, the impact's totals. */
export interface StepReportSummary {
  readonly ok: boolean;
  readonly ruleSetId: string | null;
  readonly version: number | null;
  readonly steps: GateReport['steps'];
  readonly totals: Readonly<Record<'households' | 'villages' | 'counties' | 'units', ImpactCount>> | null;
  readonly changesOutcomes: boolean | null;
}

/** A step as the stores keep it in the draft: the report replaced by its summary and a reference. */
export type StoredDraftStep = Omit<DraftStep, 'report'> & {
  readonly reportSummary?: StepReportSummary;
  readonly reportRef?: StepReportRef;
  /** Steps written before reports were kept beside the draft carry theirs here, cut to a few examples per county. */
  readonly report?: GateReport;
};

export function reportSummary(report: GateReport): StepReportSummary {
  return {
    ok: report.ok,
    ruleSetId: report.ruleSetId,
    version: report.version,
    steps: report.steps,
    totals: report.preview?.totals ?? null,
    changesOutcomes: report.preview?.changesOutcomes ?? null,
  };
}

/** The step to keep in the draft, once its report is stored under `ref`. */
export function storedStep(step: DraftStep, ref: StepReportRef | null): StoredDraftStep {
  if (!step.report || !ref) return step;
  const { report, ...rest } = step;
  return { ...rest, reportSummary: reportSummary(report), reportRef: ref };
}

/** The step as the port gives it: with its whole report, read back through `reportOf`. */
export function wholeStep(step: StoredDraftStep, reportOf: (ref: StepReportRef) => GateReport): DraftStep {
  if (!step.reportRef) return step as DraftStep;
  const { reportRef, reportSummary: _summary, ...rest } = step;
  return { ...rest, report: reportOf(reportRef) };
}

/**
 * The step as lists give it: the summary and reference kept; a step written before reports were
 * kept beside the draft gives the summary of the report it carries.
 */
export function overviewStep(step: StoredDraftStep): DraftStepOverview {
  const { report, ...rest } = step;
  return report ? { ...rest, reportSummary: reportSummary(report) } : rest;
}

/**
 * A report's JSON cut into pieces of at most `maxBytes` bytes of UTF-8 each, never inside a
 * character, so pieces joined in order give the JSON back.
 */
export function cutReport(report: GateReport, maxBytes: number): string[] {
  const text = JSON.stringify(report);
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes && i > start) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += units;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** The report from its pieces in order. */
export const joinReport = (pieces: readonly string[]): GateReport => JSON.parse(pieces.join('')) as GateReport;
