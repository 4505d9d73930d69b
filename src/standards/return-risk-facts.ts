import { z } from 'zod';
import { FactsBuilder, type Facts } from '../engine/facts.js';
import type { PreparedRuleSet } from '../engine/prepare-rule-set.js';
import type { Verdict } from '../engine/verdict.js';
import type { Household } from '../records/records.js';
import { readParameters, SHARED_HOUSEHOLD_FACTS } from './shared-facts.js';
import type { FactCatalogue } from './fact-types.js';
import { totalNetIncome } from './member-facts.js';

const ParametersSchema = z.object({ exitLine: z.number().positive(), monitoringMultipleOfLine: z.number().positive() });

export const returnRiskFactCatalogue: FactCatalogue = {
  incomePerCapita: SHARED_HOUSEHOLD_FACTS.incomePerCapita,
  monitoringLine: { type: 'number', description: 'the monitoring multiple of the line of the assessment year' },
  rigidSpending: { type: 'number', description: 'medical self-paid + education + disaster losses in the assessment year' },
  totalNetIncome: SHARED_HOUSEHOLD_FACTS.totalNetIncome,
  householdExitOutcome: {
    type: 'string',
    description: "the household's household-exit outcome today (pass, fail, unknown), or not-judged when household-exit does not judge its status",
  },
};

/** The exit outcome fact of a household whose status household-exit does not judge. */
export const NOT_JUDGED = 'not-judged';

export interface ReturnRiskContext {
  readonly year: number;
  readonly monitoringLine: number;
}

/** What the return-risk fact code reads from the rule set, checked once. */
export function returnRiskContext(prepared: PreparedRuleSet): ReturnRiskContext {
  const p = readParameters(prepared, ['exitLine', 'monitoringMultipleOfLine'], ParametersSchema);
  return { year: prepared.year, monitoringLine: p.monitoringMultipleOfLine * p.exitLine };
}

function rigidSpending(spending: Household['spending']): { value: number | null; missing: string[] } {
  if (spending === null) return { value: null, missing: ['spending'] };
  const parts = { medicalSelfPaid: spending.medicalSelfPaid, education: spending.education, disasterLoss: spending.disasterLoss };
  const missing = Object.entries(parts)
    .filter(([, value]) => value === null)
    .map(([name]) => `spending.${name}`);
  if (missing.length > 0) return { value: null, missing };
  return { value: parts.medicalSelfPaid! + parts.education! + parts.disasterLoss!, missing: [] };
}

/**
 * Facts of `return-risk`. The household's own household-exit verdict is a fact: an `unknown`
 * verdict does not fail the standard, and a status household-exit does not judge (a non-poor
 * household) is `not-judged`, so only an exited household that fails today is watched for it.
 */
export function returnRiskFacts(household: Household, context: ReturnRiskContext, householdExit: Verdict | null): Facts {
  const spending = rigidSpending(household.spending);
  const total = totalNetIncome(household.incomePerCapita, household.members);
  return new FactsBuilder()
    .set('incomePerCapita', household.incomePerCapita)
    .set('monitoringLine', context.monitoringLine)
    .set('rigidSpending', spending.value, spending.missing)
    .set('totalNetIncome', total.value, total.missing)
    .set('householdExitOutcome', householdExit?.outcome ?? NOT_JUDGED)
    .build();
}
