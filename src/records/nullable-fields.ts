import { z } from 'zod';

/**
 * Builders of the record fields, so every schema spells "missing data" the same way: a field
 * that is `null` or absent parses to `null` (downstream code checks only `=== null`), while a
 * present value of the wrong type rejects the row. Only ids are required.
 */
export const field = {
  /** A required identifier: a string with at least one non-space character. */
  id: () => z.string().regex(/\S/, { error: 'expected a non-blank id' }),
  /** A reference to another record's id; `null` when there is none. */
  optionalId: () => field.id().nullable().default(null),
  text: () => z.string().nullable().default(null),
  flag: () => z.boolean().nullable().default(null),
  /** Any finite number (incomes may be negative after a business loss). */
  number: () => z.number().nullable().default(null),
  /** A non-negative finite number: money spent, a value, litres, minutes. */
  amount: () => z.number().nonnegative().nullable().default(null),
  /** A non-negative whole number: people, households, ages, years, months. */
  count: () => z.int().nonnegative().nullable().default(null),
  /** A share in percent. */
  percent: () => z.number().min(0).max(100).nullable().default(null),
  /** An ISO calendar date `YYYY-MM-DD`. */
  date: () => z.iso.date({ error: 'expected an ISO date (YYYY-MM-DD)' }).nullable().default(null),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().default(null),
  /** A nested object (a `z.looseObject`, so its extra fields are kept like the record's). */
  object: <O extends z.ZodObject>(schema: O) => schema.nullable().default(null),
  list: <I extends z.ZodType>(item: I) => z.array(item).nullable().default(null),
};
