import type { Household } from '../../records/records.js';
import type { RecordStore } from '../../ports/record-store.js';
import { SubjectNotFoundError } from '../use-case-errors.js';

/**
 * One household's record as stored, whole: what a policy officer turns into a scenario case of
 * a draft (the console's cases panel). Personal data: for the policy staff's route only, and
 * never logged.
 */
export async function householdRecord(records: Pick<RecordStore, 'getHousehold'>, householdId: string): Promise<Household> {
  const household = await records.getHousehold(householdId);
  if (!household) throw new SubjectNotFoundError('household', householdId);
  return household;
}
