import { boundaryValues } from './boundary-values.js';
import type { HouseholdRecord } from './dataset-records.js';
import type { Prng } from './prng.js';

const kinds = [
  'income-at-line', 'income-above-line', 'income-deep', 'income-monitor', 'age', 'water-litres',
  'water-fetch', 'water-reliability', 'vehicle', 'away', 'this-year',
] as const;

const edgeAges = [
  boundaryValues.schoolAge.min - 1, boundaryValues.schoolAge.min,
  boundaryValues.schoolAge.max, boundaryValues.schoolAge.max + 1,
];

/**
 * Puts one value of the household exactly on a boundary of the standards (the line, the line +
 * 0.1, ages 5/6/15/16, 40 L, 20 minutes, 95 %, 30,000 yuan, 12 months, registered or returned in
 * the assessment year), keeping the record consistent.
 */
export function applyBoundary(prng: Prng, household: HouseholdRecord, ctx: { year: number; exitLine: number }): void {
  const kind = prng.pick(kinds);
  const line = ctx.exitLine;
  switch (kind) {
    case 'income-at-line':
      household.incomePerCapita = line;
      return;
    case 'income-above-line':
      household.incomePerCapita = Math.round((line + 0.1) * 10) / 10;
      return;
    case 'income-deep':
      household.incomePerCapita = Math.round(line * boundaryValues.deepPovertyShare * 10) / 10;
      return;
    case 'income-monitor':
      household.incomePerCapita = Math.round(line * boundaryValues.monitorMultiple * 10) / 10;
      return;
    case 'age': {
      const member = household.members[household.members.length - 1];
      if (!member) return;
      member.age = prng.pick(edgeAges);
      const school = member.age >= boundaryValues.schoolAge.min && member.age <= boundaryValues.schoolAge.max;
      member.schooling = school ? 'enrolled' : member.age < boundaryValues.schoolAge.min ? 'not-applicable' : prng.pick(['enrolled', 'not-applicable'] as const);
      return;
    }
    case 'water-litres':
      household.water.litresPerPersonDay = boundaryValues.water.litres;
      return;
    case 'water-fetch':
      household.water.fetchMinutes = boundaryValues.water.fetchMinutes;
      return;
    case 'water-reliability':
      household.water.reliabilityPct = boundaryValues.water.reliabilityPct;
      return;
    case 'vehicle':
      household.assets.vehicleValue = boundaryValues.vehicleValue;
      return;
    case 'away':
      household.awayMonths = boundaryValues.awayMonths;
      return;
    case 'this-year':
      if (household.status === 'returned') household.returnedYear = ctx.year;
      else if (household.status === 'poor' || household.status === 'exited') {
        household.registeredYear = ctx.year;
        // Registered this year, so it cannot have been planned to exit earlier.
        if (household.plannedExitYear !== null && household.plannedExitYear < ctx.year) household.plannedExitYear = ctx.year;
      }
      return;
  }
}
