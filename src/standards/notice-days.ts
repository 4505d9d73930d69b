const DAY_MS = 86_400_000;

/**
 * Length in days of the shortest public notice that has both dates (end − start), or null
 * when no notice has both. Dates are ISO calendar dates, compared in UTC so no time zone
 * shifts a day.
 */
export function shortestNoticeDays(notices: readonly { start: string | null; end: string | null }[] | null): number | null {
  let shortest: number | null = null;
  for (const notice of notices ?? []) {
    if (notice.start === null || notice.end === null) continue;
    const days = (Date.parse(`${notice.end}T00:00:00Z`) - Date.parse(`${notice.start}T00:00:00Z`)) / DAY_MS;
    if (Number.isNaN(days)) continue;
    if (shortest === null || days < shortest) shortest = days;
  }
  return shortest;
}
