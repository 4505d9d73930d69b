import { QuarterSchema } from '../kernel/quarter.js';

/**
 * The quarter an on-demand evaluation of `year` belongs to: the current quarter when the year
 * is the current one (so a re-evaluation feeds the same tallies the nightly run reads), else
 * the year's last quarter (a past or future year is judged as at its end).
 */
export function assessmentQuarter(year: number | undefined, currentQuarter: string): string {
  const current = QuarterSchema.parse(currentQuarter);
  if (year === undefined || String(year) === current.slice(0, 4)) return current;
  return `${year}Q4`;
}
