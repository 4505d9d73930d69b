import type { Card, CardHistoryRecord, UnitType } from './dataset-records.js';
import type { Prng } from './prng.js';

/** A township or assisting unit with the mean quality (0–1) of its villages. */
export interface CardedUnit {
  unitType: UnitType;
  unitId: string;
  villageQuality: number;
}

// The ladder of standards.md §7, applied to made-up past scores so the history looks real.
const RED_MIN = 90;
const YELLOW_BELOW = 80;
const ALWAYS_YELLOW_BELOW = 60;
const CUT = 3;

/**
 * The expected quarterly score of a unit whose villages have this mean quality: a straight line
 * fitted to the scores of generated provinces (residual ≈ 2.5).
 */
function expectedScore(villageQuality: number): number {
  return 71 + 27.5 * villageQuality;
}

function cards(scores: readonly { unitId: string; score: number }[]): Map<string, Card> {
  const result = new Map<string, Card>();
  const desc = [...scores].sort((a, b) => b.score - a.score);
  const redCut = desc[Math.min(CUT, desc.length) - 1]?.score ?? Infinity;
  for (const s of desc) if (s.score >= redCut && s.score >= RED_MIN) result.set(s.unitId, 'red-flag');
  const rest = desc.filter((s) => !result.has(s.unitId)).reverse();
  const yellowCut = rest[Math.min(CUT, rest.length) - 1]?.score ?? -Infinity;
  for (const s of rest) {
    if ((s.score <= yellowCut && s.score < YELLOW_BELOW) || s.score < ALWAYS_YELLOW_BELOW) result.set(s.unitId, 'yellow-card');
  }
  return result;
}

/** Quarters of the year before and of the assessment year, strictly before the assessment quarter. */
function earlierQuarters(year: number, quarterOfYear: number): string[] {
  const quarters: string[] = [];
  for (let q = 1; q <= 4; q += 1) quarters.push(`${year - 1}Q${q}`);
  for (let q = 1; q < quarterOfYear; q += 1) quarters.push(`${year}Q${q}`);
  return quarters;
}

/**
 * Cards of earlier quarters for one county: each quarter, a past score per unit (its expected
 * score, a little lower the further back, plus noise) ranked by the §7 ladder within each unit
 * type. Weak units therefore tend to have earlier yellow cards, consecutive or not.
 */
export function generateCardHistory(
  prng: Prng,
  units: readonly CardedUnit[],
  year: number,
  quarterOfYear: number,
): CardHistoryRecord[] {
  const rows: CardHistoryRecord[] = [];
  const quarters = earlierQuarters(year, quarterOfYear);
  quarters.forEach((quarter, index) => {
    const back = quarters.length - index;
    for (const unitType of ['township', 'assisting-unit'] as const) {
      const ofType = units.filter((u) => u.unitType === unitType);
      const scores = ofType.map((u) => ({
        unitId: u.unitId,
        score: Math.round(Math.min(100, expectedScore(u.villageQuality) - 0.8 * back + 3.5 * prng.normal()) * 100) / 100,
      }));
      const carded = cards(scores);
      for (const u of ofType) {
        const card = carded.get(u.unitId);
        if (card) rows.push({ unitType, unitId: u.unitId, quarter, card });
      }
    }
  });
  return rows;
}
