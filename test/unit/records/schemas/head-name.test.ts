import { describe, expect, it } from 'vitest';
import { HouseholdSchema } from '../../../../src/records/schemas/household-schema.js';
import { rawHousehold as aHousehold } from '../../../helpers/builders.js';

describe("the head of household's name (户主姓名)", () => {
  it('is kept when given and stays absent when not', () => {
    expect(HouseholdSchema.parse(aHousehold({ headName: '扎西' })).headName).toBe('扎西');
    expect('headName' in HouseholdSchema.parse(aHousehold())).toBe(false);
    expect(HouseholdSchema.parse(aHousehold({ headName: null })).headName).toBeNull();
  });

  it('refuses a name that is not text', () => {
    const parsed = HouseholdSchema.safeParse(aHousehold({ headName: 42 }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['headName']);
  });
});
