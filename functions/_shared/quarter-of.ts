/** The calendar quarter (`2018Q4`) an instant falls in, read on the wall clock of `timeZone`. */
export function quarterOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(instant);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return `${year}Q${Math.ceil(month / 3)}`;
}
