import { z } from 'zod';
import { RuleSetInvalidError } from '../../engine/errors.js';
import { HOUSEHOLD_STATUSES } from './accountability-input.js';
import { INDICATOR_IDS, type IndicatorId } from './indicators.js';

const WeightSchema = z.number().nonnegative();

// Every indicator needs a weight and no other key is accepted: a misspelt indicator would
// otherwise be silently ignored and its points silently lost.
const WeightsSchema = z
  .object(Object.fromEntries(INDICATOR_IDS.map((id) => [id, WeightSchema])) as Record<IndicatorId, typeof WeightSchema>)
  .strict();

const StatusListSchema = z.array(z.enum(HOUSEHOLD_STATUSES)).min(1);

const EscalationRuleSchema = z
  .object({
    count: z.number().int().positive(),
    mode: z.enum(['consecutive', 'total-in-year']),
  })
  .strict();

/** The parameters of the `accountability` rule set (standards.md §7), validated. */
export const AccountabilityParametersSchema = z
  .object({
    weights: WeightsSchema,
    registeredStatuses: StatusListSchema,
    exitedStatuses: StatusListSchema,
    assuranceItems: z.array(z.string().min(1)).min(1),
    scoreDecimals: z.number().int().nonnegative(),
    redFlag: z.object({ top: z.number().int().nonnegative(), minScore: z.number() }).strict(),
    yellowCard: z
      .object({
        bottom: z.number().int().nonnegative(),
        belowScore: z.number(),
        alwaysBelow: z.number(),
      })
      .strict(),
    interview: EscalationRuleSchema,
    resignation: EscalationRuleSchema,
  })
  .strict();

export type AccountabilityParameters = z.output<typeof AccountabilityParametersSchema>;

export type EscalationRule = AccountabilityParameters['interview'];

export type EscalationMode = EscalationRule['mode'];

/**
 * Validates the `parameters` object of an accountability rule set. Throws `RuleSetInvalidError`
 * naming every offending path (as `parameters.<path>`), so a broken version is never used.
 */
export function parseAccountabilityParameters(raw: unknown, ruleSetId = 'accountability'): AccountabilityParameters {
  const parsed = AccountabilityParametersSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    path: ['parameters', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new RuleSetInvalidError(ruleSetId, problems, { cause: parsed.error });
}
