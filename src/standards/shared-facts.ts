import type { z } from 'zod';
import { RuleSetInvalidError } from '../engine/errors.js';
import type { PreparedRuleSet } from '../engine/prepare-rule-set.js';
import type { FactDefinition } from './fact-types.js';

/**
 * Reads the parameters a standard's fact code needs, checked against the standard's schema
 * once per prepared rule set, so a malformed parameter is refused before any record is judged.
 */
export function readParameters<S extends z.ZodType>(prepared: PreparedRuleSet, names: readonly string[], schema: S): z.output<S> {
  const raw: Record<string, unknown> = {};
  for (const name of names) raw[name] = prepared.parameters.has(name) ? prepared.parameters.value(name) : undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new RuleSetInvalidError(
      prepared.ruleSet.id,
      parsed.error.issues.map((issue) => ({ path: ['parameters', ...issue.path].join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}

/** Facts several household standards compute alike, defined once for their catalogues. */
export const SHARED_HOUSEHOLD_FACTS = {
  incomePerCapita: { type: 'number', description: 'net income per person per year (yuan)' },
  schoolAgeDropout: { type: 'boolean', description: 'a member of compulsory-schooling age has dropped out' },
  totalNetIncome: { type: 'number', description: 'income per capita × members listed' },
  housing: {
    type: 'object',
    fields: { hasHouse: 'boolean', safetyGrade: 'string', relocated: 'boolean', movedIn: 'boolean' },
    description: 'the housing record',
  },
} as const satisfies Record<string, FactDefinition>;
