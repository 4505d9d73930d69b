import { message, type Lang } from '../../i18n/messages.js';
import type { NightlyProgress } from '../../use-cases/nightly/run-nightly.js';

/** The long steps a person waits for; each counts its own unit (see the `progress.*` messages). */
export type ProgressStep = 'import' | 'importBytes' | 'score' | 'preview' | 'export';

/** Seconds left at the rate so far, or null while nothing says it yet (no total, nothing done, no time passed). */
export function etaSeconds(done: number, total: number | null, elapsedSeconds: number): number | null {
  if (total === null || done <= 0 || elapsedSeconds <= 0) return null;
  return (Math.max(total - done, 0) * elapsedSeconds) / done;
}

/** A duration as a person reads it: `45 s`, `2 min 05 s`, `1 h 20 min` (zh: 秒, 分, 小时). */
export function durationText(seconds: number, lang: Lang): string {
  const whole = Math.max(Math.round(seconds), 0);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return message(lang, 'duration.hours', { hours, minutes });
  if (minutes > 0) return message(lang, 'duration.minutes', { minutes, seconds: String(rest).padStart(2, '0') });
  return message(lang, 'duration.seconds', { seconds: rest });
}

/** One progress line: the step's count against its total when known, the rate, and the time left. */
export function progressLine(lang: Lang, step: ProgressStep, done: number, total: number | null, elapsedSeconds: number): string {
  const what = message(lang, `progress.${step}`);
  const perSecond = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  // A slow step (a few a second) keeps one decimal, so its rate never reads 0.
  const rate = perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
  if (total === null || total <= 0) return message(lang, 'progress.count', { what, done, rate });
  const eta = etaSeconds(done, total, elapsedSeconds);
  const left = eta === null ? message(lang, 'progress.leftUnknown') : message(lang, 'progress.left', { duration: durationText(eta, lang) });
  const percent = `${((100 * Math.min(done, total)) / total).toFixed(1)}%`;
  return message(lang, 'progress.share', { what, done, total, percent, rate, left });
}

export interface ProgressOptions {
  readonly lang: Lang;
  /** `--progress` forces the lines; without it they are printed only when the stream is a terminal. */
  readonly forced: boolean;
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Milliseconds on a monotonic clock; tests give their own. */
  readonly now?: () => number;
  /** The least time between two lines of a step. */
  readonly intervalSeconds?: number;
}

/** Reports `done` of `total` (null: not known) for a step. */
export type ProgressReport = (done: number, total: number | null) => void;

/**
 * The progress of the long steps on stderr: at most one line every ~2 s per step, and a last
 * line when a step that printed any reaches its total (a short step prints nothing). Off on a
 * stream that is not a terminal unless forced, so pipes, files and tests stay clean.
 */
export function progressReporter(options: ProgressOptions): (step: ProgressStep) => ProgressReport {
  const stream = options.stream ?? process.stderr;
  const enabled = options.forced || stream.isTTY === true;
  const now = options.now ?? (() => performance.now());
  const interval = (options.intervalSeconds ?? 2) * 1000;
  return (step) => {
    const started = now();
    let printed: number | null = null;
    let finished = false;
    return (done, total) => {
      if (!enabled || finished) return;
      const at = now();
      const complete = total !== null && done >= total;
      if (complete) finished = true;
      if (complete ? printed === null : at - (printed ?? started) < interval) return;
      printed = at;
      stream.write(`${progressLine(options.lang, step, done, total, (at - started) / 1000)}\n`);
    };
  };
}

/** Passes items through, reporting how many went by. */
export async function* counted<T>(items: Iterable<T> | AsyncIterable<T>, report: ProgressReport, total: number | null = null): AsyncGenerator<T> {
  let done = 0;
  for await (const item of items) {
    yield item;
    report(++done, total);
  }
}

/**
 * Passes items through, reporting them against an estimated total (the verdicts a run wrote).
 * The estimate stands while the count is below it; past it the count goes on alone, and the
 * end of the items closes the step with the count as its total, so an estimate that was too
 * small never cuts the lines short and one that was too large still ends the step.
 */
export async function* countedAgainst<T>(items: Iterable<T> | AsyncIterable<T>, report: ProgressReport, estimate: number | null): AsyncGenerator<T> {
  let done = 0;
  for await (const item of items) {
    yield item;
    done += 1;
    report(done, estimate !== null && done < estimate ? estimate : null);
  }
  report(done, done);
}

/** How far a file has been read: the bytes taken from it so far of its size. */
export interface ByteMeter {
  readonly total: number;
  read(): number;
}

/**
 * Passes items read from a file through, reporting the bytes read of the file's size, so a
 * step that cannot know how many items a file holds still knows how much of it is left.
 */
export async function* measured<T>(items: AsyncIterable<T>, report: ProgressReport, meter: ByteMeter): AsyncGenerator<T> {
  for await (const item of items) {
    yield item;
    report(Math.min(meter.read(), meter.total), meter.total);
  }
  report(meter.total, meter.total);
}

/** The households of an import as they are read: against the file's size when it has one, else counted. */
export function householdsRead<T>(households: AsyncIterable<T>, bytes: ByteMeter | null, progress: (step: ProgressStep) => ProgressReport): AsyncGenerator<T> {
  return bytes === null ? counted(households, progress('import')) : measured(households, progress('importBytes'), bytes);
}

/** The nightly pipeline's progress as villages judged of the villages planned. */
export function scoringProgress(report: ProgressReport): (progress: NightlyProgress) => void {
  return (progress) => report(progress.villagesDone, progress.villagesTotal);
}
