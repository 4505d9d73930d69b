import type { RecordStore } from '../ports/record-store.js';

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

export type NameSource = Pick<RecordStore, 'listCounties' | 'listTownships' | 'listVillages' | 'listUnits' | 'listHouseholds'>;

/**
 * Reads the names of every county, township, village and unit, and of the listed households
 * only: households are read village by village and dropped unless a report lists them.
 */
export async function loadReportNames(records: NameSource, listed: ReadonlySet<string>): Promise<ReportNames> {
  const counties = new Map<string, string>();
  const townships = new Map<string, string>();
  const villages = new Map<string, { name: string | null; townshipId: string; countyId: string }>();
  const units = new Map<string, string>();
  const households = new Map<string, { villageId: string; headName: string | null }>();
  for (const county of await records.listCounties()) {
    if (county.name) counties.set(county.countyId, county.name);
    for (const township of await records.listTownships(county.countyId)) if (township.name) townships.set(township.townshipId, township.name);
    for (const unit of await records.listUnits(county.countyId)) if (unit.name) units.set(unit.unitId, unit.name);
    const countyVillages = await records.listVillages(county.countyId);
    for (const village of countyVillages) villages.set(village.villageId, { name: village.name, townshipId: village.townshipId, countyId: village.countyId });
    // A few villages at a time: the queries overlap, and only listed households are kept.
    for (let start = 0; start < countyVillages.length && households.size < listed.size; start += VILLAGES_AT_ONCE) {
      const batch = countyVillages.slice(start, start + VILLAGES_AT_ONCE);
      for (const found of await Promise.all(batch.map((village) => records.listHouseholds(village.villageId)))) {
        for (const household of found) {
          if (!listed.has(household.householdId)) continue;
          const headName = typeof household.headName === 'string' && household.headName.length > 0 ? household.headName : null;
          households.set(household.householdId, { villageId: household.villageId, headName });
        }
      }
    }
  }
  return { counties, townships, villages, units, households };
}

/** `name (id)`, or the id alone when no name is recorded. */
export function named(id: string, name: string | null | undefined): string {
  return name ? `${name} (${id})` : id;
}
