import { z } from 'zod';
import { field } from './nullable-fields.js';

/** The principal official of a township or an assisting unit, named on the accountability lists. */
export const PrincipalSchema = z.looseObject({
  name: field.text(),
  title: field.text(),
});

export type Principal = z.output<typeof PrincipalSchema>;
