import { boundaryValues } from './boundary-values.js';
import type { HouseholdRecord } from './dataset-records.js';
import type { Prng } from './prng.js';

const kinds = {
  'income-null': 14, 'income-absent': 8, age: 12, schooling: 12, 'medical-insurance': 10,
  'critical-insurance': 8, 'water-quality': 5, 'water-litres': 6, 'water-fetch': 5,
  'water-reliability': 6, electricity: 3, 'radio-tv': 3, 'safety-grade': 3,
} as const;

/**
 * Blanks one field of the household, as real 建档立卡 exports do: `null`, or the key left out
 * for income. The items that need the field become `unknown` in the engine.
 */
export function applyMissing(prng: Prng, household: HouseholdRecord): void {
  const kind = prng.weighted(kinds);
  const member = prng.pick(household.members);
  switch (kind) {
    case 'income-null':
      household.incomePerCapita = null;
      return;
    case 'income-absent':
      // undefined keys are left out of the JSON line: the field is absent, not null.
      household.incomePerCapita = undefined;
      return;
    case 'age':
      member.age = null;
      return;
    case 'schooling': {
      const { min, max } = boundaryValues.schoolAge;
      const pupil = household.members.find((m) => m.age !== null && m.age >= min && m.age <= max) ?? member;
      pupil.schooling = null;
      return;
    }
    case 'medical-insurance':
      member.medicalInsurance = null;
      return;
    case 'critical-insurance':
      member.criticalIllnessInsurance = null;
      return;
    case 'water-quality':
      household.water.qualityOk = null;
      return;
    case 'water-litres':
      household.water.litresPerPersonDay = null;
      return;
    case 'water-fetch':
      household.water.fetchMinutes = null;
      return;
    case 'water-reliability':
      household.water.reliabilityPct = null;
      return;
    case 'electricity':
      household.electricity = null;
      return;
    case 'radio-tv':
      household.radioTv = null;
      return;
    case 'safety-grade':
      if (!household.housing.relocated && household.housing.hasHouse) household.housing.safetyGrade = null;
      else household.water.qualityOk = null;
      return;
  }
}
