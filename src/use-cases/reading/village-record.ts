import type { County, Household, Village } from '../../records/records.js';
import type { RecordStore } from '../../ports/record-store.js';
import { SubjectNotFoundError } from '../use-case-errors.js';

/** What a village-exit scenario case holds of a village in the data: its record, its county's region, its households. */
export interface VillageRecord {
  readonly village: Village;
  /** The county's region, which sets the village-exit thresholds (null when the county has none or is not stored). */
  readonly region: County['region'];
  /** The village's households as stored, whole. */
  readonly households: readonly Household[];
}

/**
 * One village's record with its households as stored: what a policy officer turns into a scenario
 * case of a village standard (the console's cases panel). Personal data (the households): for
 * the policy staff's route only, and never logged.
 */
export async function villageRecord(records: Pick<RecordStore, 'getVillage' | 'getCounty' | 'listHouseholds'>, villageId: string): Promise<VillageRecord> {
  const village = await records.getVillage(villageId);
  if (!village) throw new SubjectNotFoundError('village', villageId);
  const [county, households] = await Promise.all([records.getCounty(village.countyId), records.listHouseholds(villageId)]);
  return { village, region: county?.region ?? null, households };
}
