import { describe, expect, it } from 'vitest';
import { AssistingUnitSchema, CardHistoryEntrySchema, CountySchema, TownshipSchema, VillageSchema } from '../../../../src/records/records.js';
import { rawAssistingUnit, rawCard, rawCounty, rawTownship, rawVillage } from '../../../helpers/builders.js';

describe('the county schema', () => {
  it('accepts the county of the data contract unchanged', () => {
    expect(CountySchema.parse(rawCounty())).toEqual(rawCounty());
  });

  it('reads an absent survey, region and population as null', () => {
    const parsed = CountySchema.parse({ countyId: '513336' });
    expect(parsed).toEqual({ countyId: '513336', name: null, province: null, region: null, ruralRegisteredPopulation: null, survey: null });
  });

  it.each(['west', 'central', 'east', null])('accepts the region %j', (region) => {
    expect(CountySchema.parse(rawCounty({ region })).region).toBe(region);
  });

  it.each(['north', 'West', 3])('rejects the region %j', (region) => {
    expect(CountySchema.safeParse(rawCounty({ region })).success).toBe(false);
  });

  it('fills the missing counts of a partial survey with null', () => {
    const parsed = CountySchema.parse({ ...rawCounty(), survey: { householdsSurveyed: 800 } });
    expect(parsed.survey?.householdsSurveyed).toBe(800);
    expect(parsed.survey?.householdsApproving).toBeNull();
  });

  it.each([-1, -25700])('refuses a negative rural population of %j', (ruralRegisteredPopulation) => {
    expect(CountySchema.safeParse(rawCounty({ ruralRegisteredPopulation })).success).toBe(false);
    expect(VillageSchema.safeParse(rawVillage({ ruralRegisteredPopulation })).success).toBe(false);
  });

  it.each([-1, 2.5, '9'])('rejects a survey count of %j', (wronglyExited) => {
    expect(CountySchema.safeParse(rawCounty({ survey: { wronglyExited } })).success).toBe(false);
  });

  it('keeps an id that looks like a number as the string it is', () => {
    expect(CountySchema.parse(rawCounty({ countyId: '000123' })).countyId).toBe('000123');
    expect(CountySchema.safeParse(rawCounty({ countyId: 513336 })).success).toBe(false);
  });
});

describe('the township schema', () => {
  it('accepts the township of the data contract unchanged', () => {
    expect(TownshipSchema.parse(rawTownship())).toEqual(rawTownship());
  });

  it('reads an absent principal and absent facilities as null', () => {
    const parsed = TownshipSchema.parse({ townshipId: 'T1', countyId: 'C1' });
    expect(parsed.principal).toBeNull();
    expect(parsed.hasServiceCentre).toBeNull();
  });

  it('rejects a township without its county', () => {
    expect(TownshipSchema.safeParse(rawTownship({ countyId: undefined })).success).toBe(false);
  });

  it('rejects a facility flag given as a word', () => {
    expect(TownshipSchema.safeParse(rawTownship({ hasStandardCentralSchool: 'yes' })).success).toBe(false);
  });
});

describe('the village schema', () => {
  it('accepts the village of the data contract unchanged', () => {
    expect(VillageSchema.parse(rawVillage())).toEqual(rawVillage());
  });

  it('accepts a village without an assisting unit', () => {
    expect(VillageSchema.parse(rawVillage({ assistingUnitId: undefined })).assistingUnitId).toBeNull();
  });

  it('rejects a blank assisting unit id rather than reading it as none', () => {
    expect(VillageSchema.safeParse(rawVillage({ assistingUnitId: '' })).success).toBe(false);
  });

  it.each([
    ['ruralRegisteredPopulation', -5],
    ['ruralRegisteredPopulation', '812'],
    ['collectiveIncome', 'none'],
    ['hasNetwork', 'true'],
  ])('rejects %s given as %j', (field, value) => {
    expect(VillageSchema.safeParse(rawVillage({ [field]: value })).success).toBe(false);
  });
});

describe('the assisting unit schema', () => {
  it('accepts the unit of the data contract unchanged', () => {
    expect(AssistingUnitSchema.parse(rawAssistingUnit())).toEqual(rawAssistingUnit());
  });

  it('rejects a principal that is not an object', () => {
    expect(AssistingUnitSchema.safeParse(rawAssistingUnit({ principal: '李四' })).success).toBe(false);
  });
});

describe('the card history schema', () => {
  it('accepts the card of the data contract unchanged', () => {
    expect(CardHistoryEntrySchema.parse(rawCard())).toEqual(rawCard());
  });

  it.each([null, undefined])('reads a card of %j as no card', (card) => {
    expect(CardHistoryEntrySchema.parse(rawCard({ card })).card).toBeNull();
  });

  it.each(['2018Q1', '2018Q4', '1999Q2'])('accepts the quarter %s', (quarter) => {
    expect(CardHistoryEntrySchema.parse(rawCard({ quarter })).quarter).toBe(quarter);
  });

  it.each(['2018Q0', '2018Q5', '2018-Q3', '18Q3', '2018q3', null])('rejects the quarter %j', (quarter) => {
    expect(CardHistoryEntrySchema.safeParse(rawCard({ quarter })).success).toBe(false);
  });

  it.each([
    ['unitType', 'village'],
    ['unitType', null],
    ['card', 'green-card'],
    ['unitId', ''],
  ])('rejects %s given as %j', (field, value) => {
    expect(CardHistoryEntrySchema.safeParse(rawCard({ [field]: value })).success).toBe(false);
  });

  it('accepts an assisting unit card', () => {
    expect(CardHistoryEntrySchema.parse(rawCard({ unitType: 'assisting-unit', card: 'red-flag' })).unitType).toBe('assisting-unit');
  });
});
