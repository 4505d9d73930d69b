import { z } from 'zod';
import { field } from './nullable-fields.js';
import { PrincipalSchema } from './unit-schemas.js';

export const REGIONS = ['west', 'central', 'east'] as const;

/** The county's sample survey behind 错退率, 漏评率 and 群众认可度. */
export const SurveySchema = z.looseObject({
  exitedSampled: field.count(),
  wronglyExited: field.count(),
  unregisteredSampled: field.count(),
  omitted: field.count(),
  householdsSurveyed: field.count(),
  householdsApproving: field.count(),
});

/** A line of `counties.jsonl`. */
export const CountySchema = z.looseObject({
  countyId: field.id(),
  name: field.text(),
  province: field.text(),
  region: field.oneOf(REGIONS),
  ruralRegisteredPopulation: field.count(),
  survey: field.object(SurveySchema),
});

export type County = z.output<typeof CountySchema>;
export type Survey = z.output<typeof SurveySchema>;
export type Region = (typeof REGIONS)[number];

/** A line of `townships.jsonl`. */
export const TownshipSchema = z.looseObject({
  townshipId: field.id(),
  countyId: field.id(),
  name: field.text(),
  hasStandardCentralSchool: field.flag(),
  hasQualifiedHealthCentre: field.flag(),
  hasServiceCentre: field.flag(),
  principal: field.object(PrincipalSchema),
});

export type Township = z.output<typeof TownshipSchema>;

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
