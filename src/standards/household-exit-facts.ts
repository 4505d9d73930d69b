import { z } from 'zod';
import { FactsBuilder, type Facts } from '../engine/facts.js';
import type { PreparedRuleSet } from '../engine/prepare-rule-set.js';
import type { Household } from '../records/records.js';
import { readParameters, SHARED_HOUSEHOLD_FACTS } from './shared-facts.js';
import type { FactCatalogue } from './fact-types.js';
import { everyMemberHas, schoolAgeDropout } from './member-facts.js';

export const AgeRangeSchema = z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }).strict();

const ParametersSchema = z.object({ compulsorySchoolingAge: AgeRangeSchema });

export const householdExitFactCatalogue: FactCatalogue = {
  incomePerCapita: SHARED_HOUSEHOLD_FACTS.incomePerCapita,
  schoolAgeDropout: SHARED_HOUSEHOLD_FACTS.schoolAgeDropout,
  allMembersInsured: { type: 'boolean', description: 'every member has basic medical and critical-illness insurance' },
  housing: SHARED_HOUSEHOLD_FACTS.housing,
  water: {
    type: 'object',
    fields: { qualityOk: 'boolean', litresPerPersonDay: 'number', fetchMinutes: 'number', reliabilityPct: 'number' },
    description: 'the drinking-water record',
  },
  electricity: { type: 'boolean', description: 'electricity for daily use' },
  radioTv: { type: 'boolean', description: 'radio and television reception' },
  registeredThisYear: { type: 'boolean', description: 'registered in the assessment year (a missing year means no)' },
  returnedThisYear: { type: 'boolean', description: 'returned to poverty in the assessment year (a missing year means no)' },
};

export interface HouseholdExitContext {
  readonly year: number;
  readonly compulsorySchoolingAge: z.output<typeof AgeRangeSchema>;
}

/** What the household-exit fact code reads from the rule set, checked once. */
export function householdExitContext(prepared: PreparedRuleSet): HouseholdExitContext {
  return { year: prepared.year, ...readParameters(prepared, ['compulsorySchoolingAge'], ParametersSchema) };
}

/** Facts of `household-exit` for one household and assessment year. */
export function householdExitFacts(household: Household, context: HouseholdExitContext): Facts {
  const dropout = schoolAgeDropout(household.members, context.compulsorySchoolingAge);
  const insured = everyMemberHas(household.members, ['medicalInsurance', 'criticalIllnessInsurance']);
  return new FactsBuilder()
    .set('incomePerCapita', household.incomePerCapita)
    .set('schoolAgeDropout', dropout.value, dropout.missing)
    .set('allMembersInsured', insured.value, insured.missing)
    .set('housing', household.housing)
    .set('water', household.water)
    .set('electricity', household.electricity)
    .set('radioTv', household.radioTv)
    .set('registeredThisYear', household.registeredYear === context.year)
    .set('returnedThisYear', household.returnedYear === context.year)
    .build();
}
