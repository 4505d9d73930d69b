import { z } from 'zod';

/**
 * The plausibility limits of the data contract. A value outside them is not a fact about a
 * household but a typing slip (an age of 300, a year of 99999, a sign where none can be), so
 * the row is refused like a value of the wrong type rather than judged on it. Each limit is
 * inclusive and listed in the README's "Bad input" table.
 */
export const LIMITS = {
  /** A person's age in whole years: the oldest recorded people lived to about 122. */
  age: { min: 0, max: 150 },
  /** Calendar years (registration, return, planned exit): the People's Republic's records start in 1949. */
  year: { min: 1949, max: 2100 },
  /** A share in percent. */
  percent: { min: 0, max: 100 },
} as const;

/**
 * Builders of the record fields, so every schema spells "missing data" the same way: a field
 * that is `null` or absent parses to `null` (downstream code checks only `=== null`), while a
 * present value of the wrong type or outside its plausible range rejects the row. Only ids
 * are required.
 */
export const field = {
  /** A required identifier: a string with at least one non-space character. */
  id: () => z.string().regex(/\S/, { error: 'expected a non-blank id' }),
  /** A reference to another record's id; `null` when there is none. */
  optionalId: () => field.id().nullable().default(null),
  text: () => z.string().nullable().default(null),
  flag: () => z.boolean().nullable().default(null),
  /** Money in yuan a household has, owns or spends: never negative (a household's loss is recorded as 0 income). */
  money: () => z.number().nonnegative().nullable().default(null),
  /** Money that may be negative: a collective's income after a loss. */
  signedMoney: () => z.number().nullable().default(null),
  /** A non-negative finite number: litres, months. */
  amount: () => z.number().nonnegative().nullable().default(null),
  /** A finite number within one of `LIMITS`. */
  bounded: (limit: { readonly min: number; readonly max: number }) => z.number().min(limit.min).max(limit.max).nullable().default(null),
  /** A non-negative whole number: people, households. */
  count: () => z.int().nonnegative().nullable().default(null),
  /** A person's age in whole years, `LIMITS.age`. */
  age: () => z.int().min(LIMITS.age.min).max(LIMITS.age.max).nullable().default(null),
  /** A calendar year, `LIMITS.year`. */
  year: () => z.int().min(LIMITS.year.min).max(LIMITS.year.max).nullable().default(null),
  /** A share in percent, `LIMITS.percent`. */
  percent: () => field.bounded(LIMITS.percent),
  /** An ISO calendar date `YYYY-MM-DD`. */
  date: () => z.iso.date({ error: 'expected an ISO date (YYYY-MM-DD)' }).nullable().default(null),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().default(null),
  /** A nested object (a `z.looseObject`, so its extra fields are kept like the record's). */
  object: <O extends z.ZodObject>(schema: O) => schema.nullable().default(null),
  list: <I extends z.ZodType>(item: I) => z.array(item).nullable().default(null),
};
