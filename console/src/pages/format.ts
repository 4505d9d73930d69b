/** How a value found by an item reads in a table cell. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, '');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A fraction 0..1 as a percentage with one decimal. */
export const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

export const OUTCOME_COLOURS: Readonly<Record<string, string>> = { pass: 'green', fail: 'red', unknown: 'orange' };
