import { z } from 'zod';
import { field } from './nullable-fields.js';
import { PrincipalSchema } from './principal-schema.js';

/** A line of `units.jsonl`: an assisting unit (帮扶单位) paired with villages. */
export const AssistingUnitSchema = z.looseObject({
  unitId: field.id(),
  countyId: field.id(),
  name: field.text(),
  principal: field.object(PrincipalSchema),
});

export type AssistingUnit = z.output<typeof AssistingUnitSchema>;
