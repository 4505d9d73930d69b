import { boundaryValues } from './boundary-values.js';
import type { MemberRecord, Schooling } from './dataset-records.js';
import type { Prng } from './prng.js';

/** What a household's circumstances make more or less likely for its members. */
export interface MemberOdds {
  /** 0 (a well-served village) to 1 (a badly served one). */
  deficiency: number;
  /** Multiplies every gap (settled households have fewer). */
  gapScale: number;
  /** Multiplies the chance of a 七不准 member flag (fiscal payroll, village cadre). */
  prohibitionScale: number;
}

const sizeWeights = { 1: 12, 2: 18, 3: 22, 4: 22, 5: 14, 6: 8, 7: 4 } as const;

/** Schooling consistent with age: compulsory ages mostly enrolled, a few dropped out or exempt. */
export function schoolingFor(prng: Prng, age: number, deficiency: number, gapScale = 1): Schooling {
  const { min, max } = boundaryValues.schoolAge;
  if (age < min) return 'not-applicable';
  if (age <= max) {
    const r = prng.next();
    const dropout = (0.003 + 0.05 * deficiency) * gapScale;
    if (r < dropout) return 'dropped-out';
    if (r < dropout + 0.01) return 'exempt';
    return 'enrolled';
  }
  if (age <= 18) return prng.chance(0.6) ? 'enrolled' : 'not-applicable';
  return 'not-applicable';
}

function clampAge(age: number): number {
  return Math.min(90, Math.max(0, Math.round(age)));
}

/** Ages of a plausible family: a head, maybe a spouse, then children, grandchildren or elders. */
function familyAges(prng: Prng, size: number): number[] {
  const head = clampAge(25 + 55 * Math.sqrt(prng.next()));
  const ages = [head];
  if (size >= 2) ages.push(clampAge(Math.max(18, head + prng.int(-6, 6))));
  while (ages.length < size) {
    if (head <= 58 && prng.chance(0.25)) ages.push(clampAge(head + prng.int(22, 32)));
    else if (head >= 55) ages.push(clampAge(prng.int(0, 18)));
    else ages.push(prng.int(Math.max(0, head - 45), Math.max(0, Math.min(25, head - 20))));
  }
  return ages;
}

/** The members of one household; insurance gaps and dropouts grow with the village's deficiency. */
export function generateMembers(prng: Prng, odds: MemberOdds): MemberRecord[] {
  const size = Number(prng.weighted(sizeWeights));
  const ages = familyAges(prng, size);
  const uninsured = (0.0005 + 0.008 * odds.deficiency) * odds.gapScale;
  const payrollIndex = prng.chance(0.01 * odds.prohibitionScale) ? 0 : -1;
  const cadreIndex = prng.chance(0.012 * odds.prohibitionScale) ? (size > 1 ? 1 : 0) : -1;
  return ages.map((age, index) => ({
    memberId: `m${index + 1}`,
    age,
    schooling: schoolingFor(prng, age, odds.deficiency, odds.gapScale),
    medicalInsurance: !prng.chance(uninsured),
    criticalIllnessInsurance: !prng.chance(uninsured * 1.3),
    fiscalPayroll: index === payrollIndex && age >= 18,
    villageCadre: index === cadreIndex && age >= 18,
    seriousIllness: prng.chance(age >= 50 ? 0.08 : 0.02),
  }));
}
