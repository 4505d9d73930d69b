import type { HouseholdName, RecordStore } from '../ports/record-store.js';

export type { HouseholdName } from '../ports/record-store.js';

/** The names a report shows beside ids, from the record store. */
export interface ReportNames {
  readonly counties: ReadonlyMap<string, string>;
  readonly townships: ReadonlyMap<string, string>;
  /** Village id → name, township id and county id. */
  readonly villages: ReadonlyMap<string, { readonly name: string | null; readonly townshipId: string; readonly countyId: string }>;
  readonly units: ReadonlyMap<string, string>;
  /** Household id → its village and the head's name (户主姓名) when the data has it. */
  readonly households: ReadonlyMap<string, { readonly villageId: string; readonly headName: string | null }>;
}

const VILLAGES_AT_ONCE = 8;

export type NameSource = Pick<RecordStore, 'listCounties' | 'listTownships' | 'listVillages' | 'listUnits' | 'listHouseholdNames'>;

/** The names of every county, township, village and unit, and the villages in listing order. */
export interface PlaceNames extends Omit<ReportNames, 'households'> {
  readonly villageIds: readonly string[];
}

/** Reads the names of every county, township, village and unit: a few per village, never per household. */
export async function loadPlaceNames(records: NameSource): Promise<PlaceNames> {
  const counties = new Map<string, string>();
  const townships = new Map<string, string>();
  const villages = new Map<string, { name: string | null; townshipId: string; countyId: string }>();
  const units = new Map<string, string>();
  const villageIds: string[] = [];
  for (const county of await records.listCounties()) {
    if (county.name) counties.set(county.countyId, county.name);
    for (const township of await records.listTownships(county.countyId)) if (township.name) townships.set(township.townshipId, township.name);
    for (const unit of await records.listUnits(county.countyId)) if (unit.name) units.set(unit.unitId, unit.name);
    for (const village of await records.listVillages(county.countyId)) {
      villages.set(village.villageId, { name: village.name, townshipId: village.townshipId, countyId: village.countyId });
      villageIds.push(village.villageId);
    }
  }
  return { counties, townships, villages, units, villageIds };
}

/**
 * The households of `villageIds`, a few villages' queries at a time, each village's names in the
 * order given, one array per village: their names alone, so a province's walk never reads its
 * records' members and the rest. A village is one step of the walk, so a walker awaits once
 * per village, not once per household.
 */
export async function* villageHouseholdNames(records: NameSource, villageIds: readonly string[], order?: (a: HouseholdName, b: HouseholdName) => number): AsyncGenerator<readonly HouseholdName[]> {
  for (let start = 0; start < villageIds.length; start += VILLAGES_AT_ONCE) {
    const batch = villageIds.slice(start, start + VILLAGES_AT_ONCE);
    for (const names of await Promise.all(batch.map((villageId) => records.listHouseholdNames(villageId)))) {
      if (order) names.sort(order);
      yield names;
    }
  }
}

/**
 * Reads the names of every county, township, village and unit, and of the listed households
 * only: households are read village by village and dropped unless a report lists them.
 */
export async function loadReportNames(records: NameSource, listed: ReadonlySet<string>): Promise<ReportNames> {
  const places = await loadPlaceNames(records);
  const households = new Map<string, { villageId: string; headName: string | null }>();
  if (listed.size > 0) {
    walk: for await (const names of villageHouseholdNames(records, places.villageIds)) {
      for (const household of names) {
        if (listed.has(household.householdId)) households.set(household.householdId, { villageId: household.villageId, headName: household.headName });
        if (households.size >= listed.size) break walk;
      }
    }
  }
  const { counties, townships, villages, units } = places;
  return { counties, townships, villages, units, households };
}

/** `name (id)`, or the id alone when no name is recorded. */
export function named(id: string, name: string | null | undefined): string {
  return name ? `${name} (${id})` : id;
}
