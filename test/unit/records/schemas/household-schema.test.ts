import { describe, expect, it } from 'vitest';
import { HouseholdSchema, MemberSchema } from '../../../../src/records/records.js';
import { rejectionFromIssues } from '../../../../src/records/parsing/rejected-row.js';
import { rawHousehold, rawMember } from '../../../helpers/builders.js';

const OPTIONAL_FIELDS = [
  'registeredYear',
  'returnedYear',
  'plannedExitYear',
  'incomePerCapita',
  'members',
  'housing',
  'water',
  'electricity',
  'radioTv',
  'assets',
  'awayMonths',
  'splitHousehold',
  'spending',
  'notices',
] as const;

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

describe('the household schema', () => {
  it('accepts the household of the data contract unchanged', () => {
    const household = rawHousehold();
    expect(HouseholdSchema.parse(household)).toEqual(household);
  });

  it('turns every absent optional field into null', () => {
    const parsed = HouseholdSchema.parse({ householdId: 'H1', villageId: 'V1', status: 'poor' });
    for (const field of OPTIONAL_FIELDS) expect(parsed[field], field).toBeNull();
  });

  it.each(OPTIONAL_FIELDS)('reads an absent %s the same as a null one', (field) => {
    const absent = HouseholdSchema.parse(without(rawHousehold(), field));
    const nulled = HouseholdSchema.parse(rawHousehold({ [field]: null }));
    expect(absent).toEqual(nulled);
    expect(absent[field]).toBeNull();
  });

  it.each(['householdId', 'villageId', 'status'])('rejects a household without %s', (field) => {
    expect(HouseholdSchema.safeParse(without(rawHousehold(), field)).success).toBe(false);
    expect(HouseholdSchema.safeParse(rawHousehold({ [field]: null })).success).toBe(false);
  });

  it.each(['', '   '])('rejects the blank household id %j', (id) => {
    expect(HouseholdSchema.safeParse(rawHousehold({ householdId: id })).success).toBe(false);
  });

  it.each(['poor', 'exited', 'returned', 'applicant', 'non-poor'])('accepts the status %s', (status) => {
    expect(HouseholdSchema.parse(rawHousehold({ status })).status).toBe(status);
  });

  it.each(['rich', 'Poor', ''])('rejects the status %j', (status) => {
    expect(HouseholdSchema.safeParse(rawHousehold({ status })).success).toBe(false);
  });

  it.each([
    ['incomePerCapita', '4210.5'],
    ['incomePerCapita', Number.POSITIVE_INFINITY],
    ['incomePerCapita', Number.NaN],
    ['registeredYear', 2014.5],
    ['registeredYear', '2014'],
    ['electricity', 'yes'],
    ['radioTv', 1],
    ['awayMonths', -1],
    ['members', { memberId: 'm1' }],
    ['housing', 'B'],
    ['notices', 'village'],
  ])('rejects %s given as %j', (field, value) => {
    expect(HouseholdSchema.safeParse(rawHousehold({ [field]: value })).success).toBe(false);
  });

  it.each([
    ['registeredYear', 99999, 'expected at most 2100, got 99999'],
    ['registeredYear', 1948, 'expected at least 1949, got 1948'],
    ['returnedYear', 20018, 'expected at most 2100, got 20018'],
    ['plannedExitYear', 0, 'expected at least 1949, got 0'],
    ['incomePerCapita', -120, 'expected at least 0, got -120'],
    ['awayMonths', -3, 'expected at least 0, got -3'],
  ])('refuses the implausible %s %j like a wrong type', (field, value, reason) => {
    const parsed = HouseholdSchema.safeParse(rawHousehold({ [field]: value }), { reportInput: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error && rejectionFromIssues('households.jsonl', 1, parsed.error.issues, 'H1')).toMatchObject({ field, reason });
  });

  it.each([
    ['water', { fetchMinutes: -1 }, 'water.fetchMinutes', 'expected at least 0, got -1'],
    ['assets', { vehicleValue: -1 }, 'assets.vehicleValue', 'expected at least 0, got -1'],
    ['spending', { medicalSelfPaid: -800 }, 'spending.medicalSelfPaid', 'expected at least 0, got -800'],
  ])('refuses an implausible %s value %j', (field, value, path, reason) => {
    const parsed = HouseholdSchema.safeParse(rawHousehold({ [field]: value }), { reportInput: true });
    expect(parsed.error && rejectionFromIssues('households.jsonl', 1, parsed.error.issues, 'H1')).toMatchObject({ field: path, reason });
  });

  it.each([
    ['registeredYear', 1949],
    ['registeredYear', 2100],
    ['incomePerCapita', 0],
    ['water', { reliabilityPct: 100 }],
  ])('accepts %s at its limit, %j', (field, value) => {
    expect(HouseholdSchema.safeParse(rawHousehold({ [field]: value })).success).toBe(true);
  });

  it('accepts a household with no members listed', () => {
    expect(HouseholdSchema.parse(rawHousehold({ members: [] })).members).toEqual([]);
  });

  it.each([
    ['safetyGrade', 'E'],
    ['safetyGrade', 'b'],
    ['hasHouse', 'yes'],
    ['movedIn', 0],
  ])('rejects housing.%s given as %j', (field, value) => {
    const housing = { hasHouse: true, safetyGrade: 'B', relocated: false, movedIn: null, [field]: value };
    expect(HouseholdSchema.safeParse(rawHousehold({ housing })).success).toBe(false);
  });

  it('fills the missing fields of a nested object with null', () => {
    const parsed = HouseholdSchema.parse({ ...rawHousehold(), water: { qualityOk: true } });
    expect(parsed.water).toEqual({ qualityOk: true, litresPerPersonDay: null, fetchMinutes: null, reliabilityPct: null });
  });

  it('rejects a water reliability above 100 percent', () => {
    expect(HouseholdSchema.safeParse(rawHousehold({ water: { reliabilityPct: 101 } })).success).toBe(false);
  });

  it.each([
    ['2018-02-30', false],
    ['2018-3-1', false],
    ['2018-03-01T00:00:00Z', false],
    ['2020-02-29', true],
    [null, true],
  ])('reads the notice start %j as valid: %s', (start, valid) => {
    const notices = [{ stage: 'village', start, end: '2018-03-08' }];
    expect(HouseholdSchema.safeParse(rawHousehold({ notices })).success).toBe(valid);
  });

  it('keeps extra fields, at the top and inside nested objects and members', () => {
    const parsed = HouseholdSchema.parse(
      rawHousehold({ source: '回头看', housing: { hasHouse: true, material: 'brick' }, members: [rawMember({ name: '王五' })] }),
    );
    expect(parsed['source']).toBe('回头看');
    expect(parsed.housing?.['material']).toBe('brick');
    expect(parsed.members?.[0]?.['name']).toBe('王五');
  });
});

describe('the member schema', () => {
  it('turns every absent field but the id into null', () => {
    expect(MemberSchema.parse({ memberId: 'm1' })).toEqual({
      memberId: 'm1',
      age: null,
      schooling: null,
      medicalInsurance: null,
      criticalIllnessInsurance: null,
      fiscalPayroll: null,
      villageCadre: null,
      seriousIllness: null,
    });
  });

  it('rejects a member without an id, so no member is judged without a name', () => {
    expect(MemberSchema.safeParse(without(rawMember(), 'memberId')).success).toBe(false);
  });

  it.each(['enrolled', 'dropped-out', 'exempt', 'not-applicable'])('accepts the schooling %s', (schooling) => {
    expect(MemberSchema.parse(rawMember({ schooling })).schooling).toBe(schooling);
  });

  it.each([
    ['schooling', 'home'],
    ['age', -1],
    ['age', 12.5],
    ['age', '12'],
    ['medicalInsurance', 'yes'],
    ['seriousIllness', 'false'],
  ])('rejects %s given as %j', (field, value) => {
    expect(MemberSchema.safeParse(rawMember({ [field]: value })).success).toBe(false);
  });

  it.each([0, 150])('accepts an age of %j', (age) => {
    expect(MemberSchema.parse(rawMember({ age })).age).toBe(age);
  });

  it.each([151, 300])('refuses an age of %j as implausible', (age) => {
    const parsed = MemberSchema.safeParse(rawMember({ age }), { reportInput: true });
    expect(parsed.error && rejectionFromIssues('households.jsonl', 1, parsed.error.issues, 'H1')).toMatchObject({ field: 'age', reason: `expected at most 150, got ${age}` });
  });
});
