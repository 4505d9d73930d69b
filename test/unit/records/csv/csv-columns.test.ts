import { describe, expect, it } from 'vitest';
import { describeCsvColumns } from '../../../../src/records/csv/csv-columns.js';
import { CardHistoryEntrySchema, CountySchema, HouseholdSchema } from '../../../../src/records/records.js';

describe('describeCsvColumns', () => {
  it('reads the kind of each household column from the schema', () => {
    const columns = describeCsvColumns(HouseholdSchema);
    expect(columns).toMatchObject({
      householdId: 'string',
      status: 'string',
      incomePerCapita: 'number',
      registeredYear: 'number',
      electricity: 'boolean',
      members: 'json',
      notices: 'json',
      housing: 'json',
      'housing.safetyGrade': 'string',
      'housing.hasHouse': 'boolean',
      'water.reliabilityPct': 'number',
    });
  });

  it('offers an object field both whole and as dotted columns, but not the fields of list items', () => {
    const columns = describeCsvColumns(CountySchema);
    expect(columns['survey']).toBe('json');
    expect(columns['survey.exitedSampled']).toBe('number');
    expect(Object.keys(describeCsvColumns(HouseholdSchema)).some((name) => name.startsWith('members.'))).toBe(false);
  });

  it('describes required enums and ids as text', () => {
    expect(describeCsvColumns(CardHistoryEntrySchema)).toEqual({ unitType: 'string', unitId: 'string', quarter: 'string', card: 'string' });
  });

  it('is plain data that survives a JSON round trip', () => {
    const columns = describeCsvColumns(HouseholdSchema);
    expect(JSON.parse(JSON.stringify(columns))).toEqual(columns);
  });
});
