import { stageRunOutput } from '../../adapters/file/write-run-output.js';
import type { RunRecord } from '../../ports/run-store.js';
import { message, type Lang } from '../../i18n/messages.js';
import type { NameSource } from '../../reports/report-names.js';
import { writeReports } from '../../reports/write-reports.js';
import type { OutcomeCounts } from '../../use-cases/run-summary.js';
import { type RunExport, type RunStream } from '../../use-cases/export-run.js';
import type { VerdictLine } from '../../use-cases/verdict-lines.js';
import type { JsonText } from '../../kernel/json-text.js';
import { counted, countedAgainst, type ProgressReport } from './progress.js';
import { VerdictOrderError } from '../../use-cases/use-case-errors.js';
import type { RejectedRow } from '../../records/parsing/rejected-row.js';
import type { RemovedRecords } from '../../use-cases/import/remove-absent-records.js';

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
  readonly stageSeconds: Readonly<Record<string, number>> | (() => Readonly<Record<string, number>>);
  readonly startedAt: Date;
  /** These two may be read when the summary is written, after the other files, so they cover writing them. */
  readonly finishedAt: Date | (() => Date);
}

/** A run's export as arrays (`exportRun`) or as a stream (`streamRun`). */
export type ExportedRun = RunExport | RunStream;

/** The lines' JSON texts, which the file takes as they are. */
async function* jsonOf(lines: AsyncIterable<VerdictLine>): AsyncGenerator<JsonText> {
  for await (const line of lines) yield line.json;
}

function isStream(exported: ExportedRun): exported is RunStream {
  return typeof exported.verdicts === 'function';
}

/**
 * Writes the output folder of README "Inputs and outputs", whole or not at all (see `stageRunOutput`).
 * Everything but summary.json is a pure function of the stored verdicts, scores and lists;
 * run ids and timestamps stay in summary.json. Returns the number of verdict lines.
 */
export async function writeRunFiles(out: string, exported: ExportedRun, parts: SummaryParts, progress: ProgressReport = () => {}): Promise<number> {
  const staged = await stageRunOutput(out);
  try {
    let verdicts: number;
    let outcomes: () => OutcomeCounts;
    if (isStream(exported)) {
      outcomes = () => exported.outcomes();
      // The run wrote about as many verdicts as the store now holds for it: the export's estimate.
      const estimate = parts.run !== null && parts.run.status !== 'running' && parts.run.writes.verdicts > 0 ? parts.run.writes.verdicts : null;
      try {
        verdicts = await staged.writeLines('verdicts.jsonl', countedAgainst(jsonOf(exported.lines('stream')), progress, estimate));
      } catch (error) {
        if (!(error instanceof VerdictOrderError)) throw error;
        // Ids that do not sort like their villages: rewrite the file from a sorted copy.
        verdicts = await staged.writeLines('verdicts.jsonl', countedAgainst(jsonOf(exported.lines('collect')), progress, estimate));
      }
    } else {
      outcomes = () => exported.outcomes;
      verdicts = await staged.writeLines('verdicts.jsonl', counted(exported.verdicts, progress, exported.verdicts.length));
    }
    await staged.writeLines('scores.jsonl', exported.scores);
    await staged.writeLines('accountability.jsonl', exported.lists);
    const finishedAt = typeof parts.finishedAt === 'function' ? parts.finishedAt() : parts.finishedAt;
    await staged.commit({
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
      outcomes: outcomes(),
      lists: { interview: exported.lists.filter((r) => r.list === 'interview').length, resignation: exported.lists.filter((r) => r.list === 'resignation').length },
      writes: parts.run?.writes ?? null,
      failedVillages: parts.run?.failedVillages ?? [],
      stageSeconds: typeof parts.stageSeconds === 'function' ? parts.stageSeconds() : parts.stageSeconds,
      startedAt: parts.startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: (finishedAt.getTime() - parts.startedAt.getTime()) / 1000,
    });
    return verdicts;
  } catch (error) {
    await staged.abandon();
    throw error;
  }
}

/** Where the console can show a run: the stored run's quarter and county, and the store's folder. */
export interface ConsoleHint {
  readonly persistent: boolean;
  readonly quarter: string;
  readonly countyId: string | undefined;
  /** The `--db` the command was given, which `tuopin serve` needs as well. */
  readonly db: string | undefined;
}

/** The line that points from a run to its page in the console (`tuopin serve` on the same store). */
export function consoleHintLine(hint: ConsoleHint, lang: Lang): string | null {
  if (!hint.persistent) return null;
  const query = new URLSearchParams({ ...(hint.countyId ? { county: hint.countyId } : {}), quarter: hint.quarter });
  return message(lang, 'console.hint', { dbOption: hint.db ? ` --db ${hint.db}` : '', url: `http://127.0.0.1:8080/?${query}` });
}

/**
 * Writes report.xlsx and accountability.pdf beside the output files and prints the readable
 * summary every run ends with, then, for a run kept in a store, where the console shows it; a
 * report that could not be written is said on stderr.
 */
export async function printReports(out: string, names: NameSource, lang: Lang, hint: ConsoleHint): Promise<void> {
  const written = await writeReports(out, names, lang);
  for (const notice of written.notices) process.stderr.write(`${notice}\n`);
  process.stdout.write(written.summary);
  const line = consoleHintLine(hint, lang);
  if (line !== null) process.stdout.write(`\n${line}\n`);
}
