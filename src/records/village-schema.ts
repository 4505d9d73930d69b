import { z } from 'zod';
import { field } from './nullable-fields.js';

/** A line of `villages.jsonl`. */
export const VillageSchema = z.looseObject({
  villageId: field.id(),
  townshipId: field.id(),
  countyId: field.id(),
  name: field.text(),
  ruralRegisteredPopulation: field.count(),
  // A collective enterprise can close the year at a loss: a negative income is a fact the
  // standard judges (it is not above the floor), not a typing slip, so it is not refused.
  collectiveIncome: field.signedMoney(),
  hasHardenedRoad: field.flag(),
  hasStandardClinic: field.flag(),
  hasCultureRoom: field.flag(),
  hasNetwork: field.flag(),
  assistingUnitId: field.optionalId(),
});

export type Village = z.output<typeof VillageSchema>;
