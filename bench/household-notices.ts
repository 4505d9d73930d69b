import { boundaryValues } from './boundary-values.js';
import type { NoticeRecord } from './dataset-records.js';
import type { Prng } from './prng.js';
import type { HouseholdStatus } from './province-options.js';

const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number, plusDays: number): string {
  return new Date(Date.UTC(year, month - 1, day) + plusDays * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The two public notices of identification (一榜 in the village, 二榜 after the township's
 * review), in the year the household was registered, returned or applied. A few are shorter
 * than the minimum; a non-poor household went through no identification and has none.
 */
export function generateNotices(
  prng: Prng,
  status: HouseholdStatus,
  years: { registeredYear: number | null; returnedYear: number | null },
  ctx: { year: number; quarterOfYear: number; rates: { noticeShortRate: number } },
): NoticeRecord[] {
  const year = status === 'applicant' ? ctx.year : (years.returnedYear ?? years.registeredYear);
  if (year === null) return [];
  // Notices of the assessment year must lie before the quarter ends: start early enough.
  const lastMonth = year === ctx.year ? Math.max(1, ctx.quarterOfYear * 3 - 2) : 10;
  const month = prng.int(1, lastMonth);
  const day = prng.int(1, 20);
  const length = (): number =>
    prng.chance(ctx.rates.noticeShortRate) ? prng.int(2, boundaryValues.noticeDays - 1) : boundaryValues.noticeDays + (prng.chance(0.4) ? 0 : prng.int(1, 3));
  const firstLength = length();
  const gap = prng.int(7, 25);
  const secondLength = length();
  return [
    { stage: 'village', start: isoDate(year, month, day, 0), end: isoDate(year, month, day, firstLength) },
    {
      stage: 'township',
      start: isoDate(year, month, day, firstLength + gap),
      end: isoDate(year, month, day, firstLength + gap + secondLength),
    },
  ];
}
