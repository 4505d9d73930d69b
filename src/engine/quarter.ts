import { z } from 'zod';

/** A calendar quarter such as `2018Q4`. */
export const QuarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, 'a quarter looks like 2018Q4');

export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export function parseQuarter(text: string): Quarter {
  const checked = QuarterSchema.parse(text);
  return { year: Number(checked.slice(0, 4)), quarter: Number(checked.slice(5)) as Quarter['quarter'] };
}

/** The last day of the quarter: the as-of date that selects the rule-set versions for a run. */
export function lastDayOfQuarter(text: string): string {
  const { year, quarter } = parseQuarter(text);
  const lastDays = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' } as const;
  return `${year}-${lastDays[quarter]}`;
}
