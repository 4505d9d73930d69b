import { describe, expect, it, vi } from 'vitest';
import { checkReferences, householdReferenceCheck } from '../../../../src/records/references/check-references.js';
import type { DatasetRecords } from '../../../../src/records/dataset.js';
import { IdIndex } from '../../../../src/records/references/reference-sieve.js';
import {
  AssistingUnitSchema,
  CardHistoryEntrySchema,
  CountySchema,
  HouseholdSchema,
  TownshipSchema,
  VillageSchema,
  type AssistingUnit,
  type CardHistoryEntry,
  type County,
  type Household,
  type Township,
  type Village,
} from '../../../../src/records/records.js';
import { rawAssistingUnit, rawCard, rawCounty, rawHousehold, rawTownship, rawVillage } from '../../../helpers/builders.js';
import { located } from '../../../helpers/record-lines.js';

type Raw = Record<string, unknown>;
const county = (o: Raw = {}): County => CountySchema.parse(rawCounty(o));
const township = (o: Raw = {}): Township => TownshipSchema.parse(rawTownship(o));
const village = (o: Raw = {}): Village => VillageSchema.parse(rawVillage(o));
const unit = (o: Raw = {}): AssistingUnit => AssistingUnitSchema.parse(rawAssistingUnit(o));
const household = (o: Raw = {}): Household => HouseholdSchema.parse(rawHousehold(o));
const card = (o: Raw = {}): CardHistoryEntry => CardHistoryEntrySchema.parse(rawCard(o));

/** A consistent dataset (one of each record) with some kinds replaced. */
function dataset(parts: {
  counties?: County[];
  townships?: Township[];
  villages?: Village[];
  units?: AssistingUnit[];
  households?: Household[];
  cardHistory?: CardHistoryEntry[];
}): DatasetRecords {
  return {
    counties: located('counties.jsonl', parts.counties ?? [county()]),
    townships: located('townships.jsonl', parts.townships ?? [township()]),
    villages: located('villages.jsonl', parts.villages ?? [village()]),
    units: located('units.jsonl', parts.units ?? [unit()]),
    households: located('households.jsonl', parts.households ?? [household()]),
    cardHistory: located('card-history.jsonl', parts.cardHistory ?? [card()]),
  };
}

describe('checkReferences', () => {
  it('keeps a consistent dataset whole', () => {
    const input = dataset({});
    const { dataset: kept, rejected } = checkReferences(input);
    expect({ dataset: kept, rejected }).toEqual({ dataset: input, rejected: [] });
  });

  it('rejects the later of two rows with the same id and names the line of the first', () => {
    const { dataset: kept, rejected } = checkReferences(
      dataset({ households: [household({ householdId: 'H1' }), household({ householdId: 'H2' }), household({ householdId: 'H1', status: 'exited' })] }),
    );
    expect(rejected).toEqual([{ file: 'households.jsonl', line: 3, field: 'householdId', reason: 'duplicate householdId "H1", first on line 1', id: 'H1' }]);
    expect(kept.households.map((h) => [h.line, h.record.status])).toEqual([
      [1, 'poor'],
      [2, 'poor'],
    ]);
  });

  it('rejects a township or unit in an unknown county', () => {
    const { rejected } = checkReferences(dataset({ townships: [township(), township({ townshipId: 'T9', countyId: 'C9' })], units: [unit(), unit({ unitId: 'U9', countyId: 'C9' })] }));
    expect(rejected).toEqual([
      { file: 'townships.jsonl', line: 2, field: 'countyId', reason: 'unknown county "C9"', id: 'T9' },
      { file: 'units.jsonl', line: 2, field: 'countyId', reason: 'unknown county "C9"', id: 'U9' },
    ]);
  });

  it.each([
    ['countyId', { countyId: 'C9' }, 'unknown county "C9"'],
    ['townshipId', { townshipId: 'T9' }, 'unknown township "T9"'],
    ['assistingUnitId', { assistingUnitId: 'U9' }, 'unknown assisting unit "U9"'],
  ])('rejects a village whose %s is unknown', (field, overrides, reason) => {
    const { rejected } = checkReferences(dataset({ villages: [village(), village({ villageId: 'V9', ...overrides })], households: [] }));
    expect(rejected).toEqual([{ file: 'villages.jsonl', line: 2, field, reason, id: 'V9' }]);
  });

  it('rejects a village whose township belongs to another county', () => {
    const { rejected } = checkReferences(
      dataset({
        counties: [county(), county({ countyId: 'C2' })],
        villages: [village({ villageId: 'V9', countyId: 'C2' })],
        households: [],
      }),
    );
    expect(rejected).toEqual([
      { file: 'villages.jsonl', line: 1, field: 'townshipId', reason: 'township "T-01" belongs to county "C-1", not "C2"', id: 'V9' },
    ]);
  });

  it('accepts a village without an assisting unit, even when there are no units', () => {
    const { rejected } = checkReferences(dataset({ units: [], villages: [village({ assistingUnitId: null })], cardHistory: [] }));
    expect(rejected).toEqual([]);
  });

  it('rejects a household in an unknown village', () => {
    const { rejected } = checkReferences(dataset({ households: [household({ householdId: 'H9', villageId: 'V9' })] }));
    expect(rejected).toEqual([{ file: 'households.jsonl', line: 1, field: 'villageId', reason: 'unknown village "V9"', id: 'H9' }]);
  });

  it('cascades: a missing county takes its township, that township its village, that village its households', () => {
    const { dataset: kept, rejected } = checkReferences(
      dataset({
        townships: [township(), township({ townshipId: 'T9', countyId: 'C9' })],
        villages: [village({ villageId: 'V9', townshipId: 'T9' }), village()],
        households: [household({ householdId: 'H1' }), household({ householdId: 'H9', villageId: 'V9' })],
      }),
    );
    expect(rejected).toEqual([
      { file: 'townships.jsonl', line: 2, field: 'countyId', reason: 'unknown county "C9"', id: 'T9' },
      { file: 'villages.jsonl', line: 1, field: 'townshipId', reason: 'township "T9" was rejected (townships.jsonl:2)', id: 'V9' },
      { file: 'households.jsonl', line: 2, field: 'villageId', reason: 'village "V9" was rejected (villages.jsonl:1)', id: 'H9' },
    ]);
    expect(kept.villages.map((v) => v.record.villageId)).toEqual(['V-001']);
    expect(kept.households.map((h) => h.record.householdId)).toEqual(['H1']);
  });

  it('checks a card against townships or units according to its unit type', () => {
    const { dataset: kept, rejected } = checkReferences(
      dataset({
        cardHistory: [
          card(),
          card({ unitType: 'assisting-unit', unitId: 'U-01' }),
          card({ unitType: 'assisting-unit', unitId: 'T-01' }),
          card({ unitType: 'township', unitId: 'U-01' }),
        ],
      }),
    );
    expect(rejected).toEqual([
      { file: 'card-history.jsonl', line: 3, field: 'unitId', reason: 'unknown assisting unit "T-01"', id: 'T-01' },
      { file: 'card-history.jsonl', line: 4, field: 'unitId', reason: 'unknown township "U-01"', id: 'U-01' },
    ]);
    expect(kept.cardHistory.map((c) => c.line)).toEqual([1, 2]);
  });

  it('rejects a second card for the same unit and quarter', () => {
    const { rejected } = checkReferences(dataset({ cardHistory: [card(), card({ quarter: '2018Q3' }), card({ card: 'red-flag' })] }));
    expect(rejected).toEqual([
      { file: 'card-history.jsonl', line: 3, field: 'quarter', reason: 'duplicate card of township "T-01" for 2018Q2, first on line 1', id: 'T-01' },
    ]);
  });

  it('keeps the input order of every kind', () => {
    const ids = ['H3', 'H1', 'H2'];
    const { dataset: kept } = checkReferences(dataset({ households: ids.map((householdId) => household({ householdId })) }));
    expect(kept.households.map((h) => h.record.householdId)).toEqual(ids);
  });
});

describe('householdReferenceCheck', () => {
  it('checks streamed households one at a time against the accepted villages', () => {
    const check = householdReferenceCheck(located('villages.jsonl', [village()]));
    const rows = located('households.csv', [household({ householdId: 'H1' }), household({ householdId: 'H2', villageId: 'V9' }), household({ householdId: 'H1' })]);
    expect(rows.map(check)).toEqual([
      null,
      { file: 'households.csv', line: 2, field: 'villageId', reason: 'unknown village "V9"', id: 'H2' },
      { file: 'households.csv', line: 3, field: 'householdId', reason: 'duplicate householdId "H1", first on line 1', id: 'H1' },
    ]);
  });

  it('keeps no household row in an index as it streams (an index held every row of a province)', () => {
    const check = householdReferenceCheck(located('villages.jsonl', [village()]));
    const accepted = vi.spyOn(IdIndex.prototype, 'accept');
    const rejected = vi.spyOn(IdIndex.prototype, 'reject');
    try {
      const rows = located('households.jsonl', [household({ householdId: 'H1' }), household({ householdId: 'H2', villageId: 'V9' }), household({ householdId: 'H1' })]);
      expect(rows.map(check).map((r) => r?.reason ?? null)).toEqual([null, 'unknown village "V9"', 'duplicate householdId "H1", first on line 1']);
      expect(accepted).not.toHaveBeenCalled();
      expect(rejected).not.toHaveBeenCalled();
    } finally {
      accepted.mockRestore();
      rejected.mockRestore();
    }
  });
});
