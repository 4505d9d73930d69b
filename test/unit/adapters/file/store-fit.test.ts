import { describe, expect, it } from 'vitest';
import { storeFitProblems } from '../../../../src/adapters/file/store-fit.js';
import { CardHistoryEntrySchema, HouseholdSchema, VillageSchema } from '../../../../src/records/records.js';
import { rawCard as aCard, rawHousehold as aHousehold, rawMember as aMember, rawVillage as aVillage } from '../../../helpers/builders.js';

const household = (overrides: Record<string, unknown>) => HouseholdSchema.parse(aHousehold(overrides));

describe('whether a record fits the store', () => {
  it('finds nothing wrong with an ordinary household, village or card', () => {
    expect(storeFitProblems('households', household({}))).toEqual([]);
    expect(storeFitProblems('villages', VillageSchema.parse(aVillage()))).toEqual([]);
    expect(storeFitProblems('cardHistory', CardHistoryEntrySchema.parse(aCard()))).toEqual([]);
  });

  it('names the id of a household whose id makes a key too long, once though it fills two keys', () => {
    expect(storeFitProblems('households', household({ householdId: 'L'.repeat(3000) })).map(({ field, reason }) => ({ field, reason }))).toEqual([
      { field: 'householdId', reason: 'too long to store: it makes a partition key (pk) of 3,010 bytes in UTF-8, more than the 2,048 allowed' },
    ]);
  });

  it('counts an id in UTF-8 bytes, not characters: 400 Chinese characters overflow the 1,024-byte index sort key', () => {
    expect(storeFitProblems('villages', VillageSchema.parse(aVillage({ villageId: '村'.repeat(400) }))).map(({ field, reason }) => ({ field, reason }))).toEqual([
      { field: 'villageId', reason: 'too long to store: it makes a sort key (gsi1sk) of 1,200 bytes in UTF-8, more than the 1,024 allowed' },
    ]);
    expect(storeFitProblems('villages', VillageSchema.parse(aVillage({ villageId: 'V'.repeat(1024) })))).toEqual([]);
  });

  it("names a household's village when it makes the index partition key too long", () => {
    expect(storeFitProblems('households', household({ villageId: 'V'.repeat(2100) })).map((p) => p.field)).toEqual(['villageId']);
  });

  it('names the card history unit whose id is too long', () => {
    expect(storeFitProblems('cardHistory', CardHistoryEntrySchema.parse(aCard({ unitId: 'U'.repeat(2100) }))).map((p) => p.field)).toEqual(['unitId']);
  });

  it('names the field that makes a record too big, down to the member that holds most of it', () => {
    const members = [aMember(), aMember({ memberId: 'm2', biography: '传'.repeat(200_000) })];
    const [problem, ...others] = storeFitProblems('households', household({ members }));
    expect(others).toEqual([]);
    expect(problem?.field).toBe('members.1.biography');
    expect(problem?.reason).toMatch(/^the record takes 600,\d{3} bytes as stored, more than the store's 409,600 per record; members\.1\.biography alone takes 600,000 bytes$/);
  });

  it('takes a record just under the limit', () => {
    const base = household({ notes: '' });
    const fitting = storeFitProblems('households', household({ notes: 'x'.repeat(400_000) }));
    expect(fitting).toEqual([]);
    expect(storeFitProblems('households', { ...base, notes: 'x'.repeat(409_600) })).toHaveLength(1);
  });
});
