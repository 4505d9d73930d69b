import type { NightlyProgress } from '../use-cases/nightly/run-nightly.js';

/** Prints villages done/total, the rate and the time left to stderr, at most once a second. */
export function progressPrinter(stream: NodeJS.WritableStream = process.stderr): (progress: NightlyProgress) => void {
  let lastPrinted = -Infinity;
  return (p) => {
    const done = p.villagesDone === p.villagesTotal;
    if (!done && p.elapsedSeconds - lastPrinted < 1) return;
    lastPrinted = p.elapsedSeconds;
    const rate = p.elapsedSeconds > 0 ? p.householdsDone / p.elapsedSeconds : 0;
    const villageRate = p.elapsedSeconds > 0 ? p.villagesDone / p.elapsedSeconds : 0;
    const left = villageRate > 0 ? (p.villagesTotal - p.villagesDone) / villageRate : 0;
    stream.write(
      `villages ${p.villagesDone}/${p.villagesTotal} · ${Math.round(rate)} households/s · ${left.toFixed(0)} s left\n`,
    );
  };
}
