import { QuarterInvalidError } from './errors.js';

/*
 * The calendar quarter every layer speaks of: a run's quarter, a card's quarter, the quarter
 * a request names. Written `2018Q4` on the wire and in files; the one type and its arithmetic
 * live here so that no layer parses it its own way.
 */

// Calendar facts, not standards: a year has four quarters.
const QUARTERS_PER_YEAR = 4;
// Also the pattern docs/openapi.json publishes for every quarter parameter (`quarter-schema.ts`).
export const QUARTER_PATTERN = /^\d{4}Q[1-4]$/;

/**
 * A calendar quarter such as `2018Q3`. `ordinal` numbers quarters consecutively across years,
 * so 2018Q1's predecessor (ordinal − 1) is 2017Q4, and comparing ordinals orders quarters.
 */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly ordinal: number;
  readonly text: string;
}

/** Whether `text` is written like `2018Q4`, as `QuarterSchema` (`quarter-schema.ts`) checks it at the edges. */
export function isQuarterText(text: string): boolean {
  return QUARTER_PATTERN.test(text);
}

/** The quarter with this ordinal (see `Quarter.ordinal`). */
export function quarterFromOrdinal(ordinal: number): Quarter {
  const year = Math.floor(ordinal / QUARTERS_PER_YEAR);
  const quarter = ((ordinal % QUARTERS_PER_YEAR) + 1) as Quarter['quarter'];
  return { year, quarter, ordinal, text: formatQuarter(year, quarter) };
}

/** `2018Q3`, or null for anything else (`2018q3`, `2018-Q3`, ` 2018Q3`, `2018Q5`). */
export function quarterOrNull(text: string): Quarter | null {
  if (!isQuarterText(text)) return null;
  return quarterFromOrdinal(Number(text.slice(0, 4)) * QUARTERS_PER_YEAR + Number(text.slice(5)) - 1);
}

/** Parses `2018Q3`; anything else is a `QuarterInvalidError`. */
export function parseQuarter(text: string): Quarter {
  const parsed = quarterOrNull(text);
  if (parsed === null) throw new QuarterInvalidError(text);
  return parsed;
}

/** The text of a quarter: `formatQuarter(2018, 3)` is `2018Q3`. */
export function formatQuarter(year: number, quarter: Quarter['quarter']): string {
  return `${year}Q${quarter}`;
}

/** The quarter after, across a year's end: 2018Q4 → 2019Q1. */
export function nextQuarter(quarter: Quarter): Quarter {
  return quarterFromOrdinal(quarter.ordinal + 1);
}

/** The quarter before, across a year's start: 2018Q1 → 2017Q4. */
export function previousQuarter(quarter: Quarter): Quarter {
  return quarterFromOrdinal(quarter.ordinal - 1);
}

/** The ordinal of the first quarter of a year. */
export function firstOrdinalOfYear(year: number): number {
  return year * QUARTERS_PER_YEAR;
}

/** Orders quarters in time, for sorting. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.ordinal - b.ordinal;
}

/** The last day of the quarter: the as-of date that selects the rule-set versions for a run. */
export function lastDayOfQuarter(text: string): string {
  const { year, quarter } = parseQuarter(text);
  const lastDays = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;
  return `${year}-${lastDays[quarter]}`;
}

/**
 * The quarter (`2018Q4`) an instant falls in, read on the wall clock of `timeZone`. The instant
 * is an argument: the kernel never reads the clock.
 */
export function quarterOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(instant);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return `${year}Q${Math.ceil(month / 3)}`;
}
