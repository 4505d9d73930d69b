import { z } from 'zod';
import { AccountabilityExpectationSchema, AccountabilityUnitCaseSchema, CardHistoryCaseSchema } from './accountability-cases.js';

const Json = z.record(z.string(), z.unknown());

/**
 * What a case expects: the outcome, and optionally item outcomes, missing fields, reasons,
 * figures, warnings; for accountability, where the outcome is the card of the case's first unit
 * (`red-flag`, `yellow-card` or `none`), scores, cards and lists.
 */
const ExpectationSchema = z
  .object({
    outcome: z.string(),
    items: z.record(z.string(), z.enum(['pass', 'fail', 'unknown'])).optional(),
    missing: z.array(z.string()).optional(),
    reasons: z.array(z.string()).optional(),
    warnings: z.array(z.string()).optional(),
    figures: z.record(z.string(), z.number().nullable()).optional(),
    /** accountability: scores and cards by unit id, and the unit ids on each list. */
    ...AccountabilityExpectationSchema,
  })
  .strict();

/** A named case: a subject built from the file's bases plus overrides, a year, and what the standard gives. */
export const ScenarioCaseSchema = z
  .object({
    name: z.string().min(1),
    year: z.number().int(),
    /** Household standards: overrides of `bases.household`. */
    household: Json.optional(),
    /** village-exit: overrides of `bases.village`, the county's region, and the village's households (overrides of `bases.household`). */
    village: Json.optional(),
    region: z.enum(['west', 'central', 'east']).nullable().optional(),
    households: z.array(Json).optional(),
    /** county-exit: overrides of `bases.county`, its townships (overrides of `bases.township`), and the sums over its villages. */
    county: Json.optional(),
    townships: z.array(Json).optional(),
    population: z.object({ remainingPoor: z.number(), exitedPopulation: z.number(), registeredPopulation: z.number() }).strict().optional(),
    /** accountability: the run's quarter (default: the fourth of `year`), the units ranked together, and the stored cards. */
    quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'a quarter looks like 2018Q4').optional(),
    units: z.array(AccountabilityUnitCaseSchema).min(1).optional(),
    history: z.array(CardHistoryCaseSchema).optional(),
    expected: ExpectationSchema,
  })
  .strict();

/** `test/scenarios/<id>/v<N>.cases.json`: the cases that travel with a rule-set version. */
export const ScenarioFileSchema = z
  .object({
    ruleSetId: z.string(),
    version: z.number().int().positive(),
    description: z.string().optional(),
    bases: z.object({ household: Json.optional(), village: Json.optional(), county: Json.optional(), township: Json.optional() }).strict(),
    cases: z.array(ScenarioCaseSchema).min(1),
  })
  .strict();

export type ScenarioCase = z.infer<typeof ScenarioCaseSchema>;
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
