import { z } from 'zod';
import { field } from './nullable-fields.js';
import { PrincipalSchema } from './principal-schema.js';

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
