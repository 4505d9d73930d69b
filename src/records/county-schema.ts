import { z } from 'zod';
import { field } from './nullable-fields.js';

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
