import { writeRunOutput } from '../adapters/file/write-run-output.js';
import type { RunRecord } from '../ports/run-store.js';
import type { RejectedRow } from '../records/rejected-row.js';
import type { RunExport } from '../use-cases/export-run.js';
import type { Lang } from '../i18n/messages.js';
import type { NameSource } from '../reports/report-names.js';
import { writeReports } from '../reports/write-reports.js';
import type { RemovedRecords } from '../use-cases/remove-absent-records.js';

export interface SummaryParts {
  readonly quarter: string;
  readonly year: number;
  readonly asOf: string;
  readonly evaluator: string;
  readonly store: string;
  readonly run: RunRecord | null;
  readonly rows?: { readonly accepted: number; readonly rejected: number };
  readonly rejected?: readonly RejectedRow[];
  /** What the import removed (`null`: an upsert removed nothing); absent when there was no import. */
  readonly removed?: RemovedRecords | null;
  readonly stageSeconds: Readonly<Record<string, number>>;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/**
 * Writes the output folder of records.md. Everything but summary.json is a pure function of
 * the stored verdicts, scores and lists; run ids and timestamps stay in summary.json.
 */
export async function writeRunFiles(out: string, exported: RunExport, parts: SummaryParts): Promise<void> {
  await writeRunOutput(out, {
    verdicts: exported.verdicts,
    scores: exported.scores,
    lists: exported.lists,
    summary: {
      runId: parts.run?.runId ?? null,
      quarter: parts.quarter,
      year: parts.year,
      asOf: parts.asOf,
      status: parts.run?.status ?? null,
      evaluator: parts.evaluator,
      store: parts.store,
      ruleSetVersions: parts.run?.ruleSetVersions ?? null,
      ...(parts.rows ? { rows: parts.rows } : {}),
      ...(parts.rejected ? { rejected: parts.rejected } : {}),
      ...(parts.removed !== undefined ? { removed: parts.removed } : {}),
      outcomes: exported.outcomes,
      lists: { interview: exported.lists.filter((r) => r.list === 'interview').length, resignation: exported.lists.filter((r) => r.list === 'resignation').length },
      writes: parts.run?.writes ?? null,
      failedVillages: parts.run?.failedVillages ?? [],
      stageSeconds: parts.stageSeconds,
      startedAt: parts.startedAt.toISOString(),
      finishedAt: parts.finishedAt.toISOString(),
      durationSeconds: (parts.finishedAt.getTime() - parts.startedAt.getTime()) / 1000,
    },
  });
}

/**
 * Writes report.xlsx and accountability.pdf beside the output files and prints the readable
 * summary every run ends with; a report that could not be written is said on stderr.
 */
export async function printReports(out: string, names: NameSource, lang: Lang): Promise<void> {
  const written = await writeReports(out, names, lang);
  for (const notice of written.notices) process.stderr.write(`${notice}\n`);
  process.stdout.write(written.summary);
}
