import { describe, expect, it } from 'vitest';
import { everyMemberHas, schoolAgeDropout, someMemberHas, totalNetIncome } from '../../../src/standards/member-facts.js';
import { aMember } from '../../helpers/builders.js';

const ages = { min: 6, max: 15 };

describe('schoolAgeDropout', () => {
  it.each([5, 16, 44])('ignores a dropout aged %i, outside compulsory-schooling age', (age) => {
    expect(schoolAgeDropout([aMember({ age, schooling: 'dropped-out' })], ages)).toEqual({ value: false, missing: [] });
  });

  it.each([6, 12, 15])('finds a dropout aged %i, the bounds included', (age) => {
    expect(schoolAgeDropout([aMember(), aMember({ age, schooling: 'dropped-out' })], ages)).toEqual({ value: true, missing: [] });
  });

  it('reads enrolled, exempt and not-applicable members of school age as no dropout', () => {
    const members = [aMember({ age: 6, schooling: 'enrolled' }), aMember({ age: 10, schooling: 'exempt' }), aMember({ age: 15, schooling: 'not-applicable' })];
    expect(schoolAgeDropout(members, ages)).toEqual({ value: false, missing: [] });
  });

  it('leaves it undecided when a school-age member has no schooling value, naming the member', () => {
    expect(schoolAgeDropout([aMember(), aMember({ age: 9, schooling: null })], ages)).toEqual({ value: null, missing: ['members[1].schooling'] });
  });

  it('does not ask for the schooling of members outside school age', () => {
    expect(schoolAgeDropout([aMember({ age: 5, schooling: null }), aMember({ age: 16, schooling: null })], ages)).toEqual({ value: false, missing: [] });
  });

  it('leaves it undecided when a member has no age, since the member could be of school age', () => {
    expect(schoolAgeDropout([aMember({ age: null }), aMember({ age: 30 })], ages)).toEqual({ value: null, missing: ['members[0].age'] });
  });

  it('lets one dropout decide it even when other members are missing data', () => {
    const members = [aMember({ age: null }), aMember({ age: 8, schooling: null }), aMember({ age: 13, schooling: 'dropped-out' })];
    expect(schoolAgeDropout(members, ages)).toEqual({ value: true, missing: [] });
  });

  it('leaves it undecided for a household with no members listed', () => {
    expect(schoolAgeDropout([], ages)).toEqual({ value: null, missing: ['members'] });
    expect(schoolAgeDropout(null, ages)).toEqual({ value: null, missing: ['members'] });
  });

  it('follows the age range it is given', () => {
    expect(schoolAgeDropout([aMember({ age: 17, schooling: 'dropped-out' })], { min: 6, max: 18 }).value).toBe(true);
  });
});

describe('everyMemberHas', () => {
  const insurance = ['medicalInsurance', 'criticalIllnessInsurance'] as const;

  it('holds when every member has every flag', () => {
    expect(everyMemberHas([aMember(), aMember({ memberId: 'M-2' })], insurance)).toEqual({ value: true, missing: [] });
  });

  it('fails on one explicit false, whatever else is missing', () => {
    const members = [aMember({ medicalInsurance: null }), aMember({ criticalIllnessInsurance: false })];
    expect(everyMemberHas(members, insurance)).toEqual({ value: false, missing: [] });
  });

  it('is undecided when a flag is missing and none is false, naming each missing flag', () => {
    const members = [aMember({ medicalInsurance: null }), aMember(), aMember({ medicalInsurance: null, criticalIllnessInsurance: null })];
    expect(everyMemberHas(members, insurance)).toEqual({
      value: null,
      missing: ['members[0].medicalInsurance', 'members[2].medicalInsurance', 'members[2].criticalIllnessInsurance'],
    });
  });

  it('is undecided for a household with no members listed', () => {
    expect(everyMemberHas([], insurance)).toEqual({ value: null, missing: ['members'] });
    expect(everyMemberHas(null, insurance)).toEqual({ value: null, missing: ['members'] });
  });
});

describe('someMemberHas', () => {
  it('holds on one explicit true, whatever else is missing', () => {
    expect(someMemberHas([aMember({ fiscalPayroll: null }), aMember({ fiscalPayroll: true })], 'fiscalPayroll')).toEqual({ value: true, missing: [] });
  });

  it('is false when every member has the flag false', () => {
    expect(someMemberHas([aMember(), aMember()], 'villageCadre')).toEqual({ value: false, missing: [] });
  });

  it('is undecided when a flag is missing and none is true, naming the member', () => {
    expect(someMemberHas([aMember(), aMember({ seriousIllness: null })], 'seriousIllness')).toEqual({ value: null, missing: ['members[1].seriousIllness'] });
  });

  it('is undecided for a household with no members listed', () => {
    expect(someMemberHas(null, 'fiscalPayroll')).toEqual({ value: null, missing: ['members'] });
  });
});

describe('totalNetIncome', () => {
  it('is income per capita times the members listed', () => {
    expect(totalNetIncome(4210.5, [aMember(), aMember(), aMember()])).toEqual({ value: 12631.5, missing: [] });
  });

  it('keeps a negative income (a business loss) negative', () => {
    expect(totalNetIncome(-100, [aMember(), aMember()])).toEqual({ value: -200, missing: [] });
  });

  it('is missing without an income', () => {
    expect(totalNetIncome(null, [aMember()])).toEqual({ value: null, missing: ['incomePerCapita'] });
  });

  it('is missing without members', () => {
    expect(totalNetIncome(4000, [])).toEqual({ value: null, missing: ['members'] });
    expect(totalNetIncome(4000, null)).toEqual({ value: null, missing: ['members'] });
  });
});
