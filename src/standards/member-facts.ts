import type { Member } from '../records/records.js';

/** A three-valued fact with the record fields that left it undecided. */
export interface TriFact {
  readonly value: boolean | null;
  readonly missing: readonly string[];
}

export interface AgeRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Whether a member of compulsory-schooling age (inclusive range, age at assessment) has
 * dropped out. One dropout decides it; otherwise a school-age member without a schooling
 * value, or any member without an age, leaves it undecided; no members listed is undecided.
 */
export function schoolAgeDropout(members: readonly Member[] | null, ages: AgeRange): TriFact {
  if (!members || members.length === 0) return { value: null, missing: ['members'] };
  const missing: string[] = [];
  for (const [index, member] of members.entries()) {
    if (member.age === null) {
      missing.push(`members[${index}].age`);
      continue;
    }
    if (member.age < ages.min || member.age > ages.max) continue;
    if (member.schooling === 'dropped-out') return { value: true, missing: [] };
    if (member.schooling === null) missing.push(`members[${index}].schooling`);
  }
  return missing.length > 0 ? { value: null, missing } : { value: false, missing: [] };
}

type MemberFlag = 'medicalInsurance' | 'criticalIllnessInsurance' | 'fiscalPayroll' | 'villageCadre' | 'seriousIllness';

/** Three-valued "every member has all these flags true": one explicit false decides it. */
export function everyMemberHas(members: readonly Member[] | null, flags: readonly MemberFlag[]): TriFact {
  if (!members || members.length === 0) return { value: null, missing: ['members'] };
  const missing: string[] = [];
  for (const [index, member] of members.entries()) {
    for (const flag of flags) {
      if (member[flag] === false) return { value: false, missing: [] };
      if (member[flag] === null) missing.push(`members[${index}].${flag}`);
    }
  }
  return missing.length > 0 ? { value: null, missing } : { value: true, missing: [] };
}

/** Three-valued "some member has this flag true": one explicit true decides it. */
export function someMemberHas(members: readonly Member[] | null, flag: MemberFlag): TriFact {
  if (!members || members.length === 0) return { value: null, missing: ['members'] };
  const missing: string[] = [];
  for (const [index, member] of members.entries()) {
    if (member[flag] === true) return { value: true, missing: [] };
    if (member[flag] === null) missing.push(`members[${index}].${flag}`);
  }
  return missing.length > 0 ? { value: null, missing } : { value: false, missing: [] };
}

/** Total net income of a household: income per capita × the members listed (null when either is missing). */
export function totalNetIncome(incomePerCapita: number | null, members: readonly Member[] | null): TriNumber {
  if (incomePerCapita === null) return { value: null, missing: ['incomePerCapita'] };
  if (!members || members.length === 0) return { value: null, missing: ['members'] };
  return { value: incomePerCapita * members.length, missing: [] };
}

export interface TriNumber {
  readonly value: number | null;
  readonly missing: readonly string[];
}
