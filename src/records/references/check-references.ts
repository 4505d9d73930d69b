import type { DatasetRecords } from '../dataset.js';
import type { Located } from '../parsing/parsed-row.js';
import type { RejectedRow } from '../parsing/rejected-row.js';
import type { Household } from '../schemas/household-schema.js';
import type { County, Township, Village } from '../schemas/place-schemas.js';
import type { AssistingUnit, CardHistoryEntry } from '../schemas/unit-schemas.js';
import { IdIndex, referenceSieve, refersTo, type ReferenceRule } from './reference-sieve.js';

function sift<T>(rows: readonly Located<T>[], check: (row: Located<T>) => RejectedRow | null, rejected: RejectedRow[]): Located<T>[] {
  const kept: Located<T>[] = [];
  for (const row of rows) {
    const rejection = check(row);
    if (rejection === null) kept.push(row);
    else rejected.push(rejection);
  }
  return kept;
}

function townshipInVillageCounty(townships: IdIndex<Township>): ReferenceRule<Village> {
  return {
    field: 'townshipId',
    problem: (village) => {
      const township = townships.get(village.townshipId)?.record;
      if (township === undefined || township.countyId === village.countyId) return null;
      const params = { township: JSON.stringify(village.townshipId), county: JSON.stringify(township.countyId), villageCounty: JSON.stringify(village.countyId) };
      return { key: 'reject.townshipCounty', params };
    },
  };
}

/**
 * Leaves out the rows whose ids repeat (the later row) or whose references do not resolve:
 * townships and units to counties; villages to their county, their township (of the same
 * county) and their assisting unit if any; households to villages; card history to the
 * township or unit of its `unitType`. A row referring to a row that was itself left out is
 * left out too, and says so. Each kind keeps its input order; rejections come kind by kind.
 */
export function checkReferences(dataset: DatasetRecords): { dataset: DatasetRecords; rejected: RejectedRow[]; villageIndex: IdIndex<Village> } {
  const rejected: RejectedRow[] = [];
  const counties = new IdIndex<County>('county');
  const townships = new IdIndex<Township>('township');
  const units = new IdIndex<AssistingUnit>('assistingUnit');
  const villages = new IdIndex<Village>('village');

  const keptCounties = sift(dataset.counties, referenceSieve<County>({ keyField: 'countyId', key: (c) => c.countyId, rules: [], index: counties }), rejected);
  const keptTownships = sift(
    dataset.townships,
    referenceSieve<Township>({
      keyField: 'townshipId',
      key: (t) => t.townshipId,
      rules: [refersTo('countyId', counties, (t: Township) => t.countyId)],
      index: townships,
    }),
    rejected,
  );
  const keptUnits = sift(
    dataset.units,
    referenceSieve<AssistingUnit>({
      keyField: 'unitId',
      key: (u) => u.unitId,
      rules: [refersTo('countyId', counties, (u: AssistingUnit) => u.countyId)],
      index: units,
    }),
    rejected,
  );
  const keptVillages = sift(
    dataset.villages,
    referenceSieve<Village>({
      keyField: 'villageId',
      key: (v) => v.villageId,
      rules: [
        refersTo('countyId', counties, (v: Village) => v.countyId),
        refersTo('townshipId', townships, (v: Village) => v.townshipId),
        townshipInVillageCounty(townships),
        refersTo('assistingUnitId', units, (v: Village) => v.assistingUnitId),
      ],
      index: villages,
    }),
    rejected,
  );
  const keptHouseholds = sift(dataset.households, householdReferenceCheck(villages), rejected);
  const keptCards = sift(
    dataset.cardHistory,
    referenceSieve<CardHistoryEntry>({
      keyField: 'quarter',
      key: (c) => `${c.unitType}:${c.unitId}:${c.quarter}`,
      describeKey: (c) => `card of ${c.unitType} ${JSON.stringify(c.unitId)} for ${c.quarter}`,
      id: (c) => c.unitId,
      rules: [{ field: 'unitId', problem: (c) => (c.unitType === 'township' ? townships : units).problem(c.unitId) }],
      index: new IdIndex<CardHistoryEntry>('card'),
    }),
    rejected,
  );

  return {
    dataset: { counties: keptCounties, townships: keptTownships, units: keptUnits, villages: keptVillages, households: keptHouseholds, cardHistory: keptCards },
    rejected,
    // For households streamed afterwards: it also knows the villages that were rejected.
    villageIndex: villages,
  };
}

function indexOf(villages: readonly Located<Village>[]): IdIndex<Village> {
  const index = new IdIndex<Village>('village');
  for (const village of villages) index.accept(village.record.villageId, village);
  return index;
}

/**
 * The reference checks of households, one household at a time, for a households file too big
 * to hold: its id must not repeat and its village must be one of `villages` (the accepted
 * villages, as `checkReferences` returns them, or the index it builds as it goes).
 * Returns the household's rejection or `null`.
 */
export function householdReferenceCheck(villages: IdIndex<Village> | readonly Located<Village>[]): (row: Located<Household>) => RejectedRow | null {
  const index = villages instanceof IdIndex ? villages : indexOf(villages);
  return referenceSieve<Household>({
    keyField: 'householdId',
    key: (h) => h.householdId,
    rules: [refersTo('villageId', index, (h: Household) => h.villageId)],
    // No index of households: no kind refers to them, and it would hold every row of the file.
  });
}
