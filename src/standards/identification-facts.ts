import { z } from 'zod';
import { FactsBuilder, type Facts } from '../engine/facts.js';
import type { PreparedRuleSet } from '../engine/prepare-rule-set.js';
import type { Household } from '../records/records.js';
import type { FactCatalogue } from './fact-types.js';
import { AgeRangeSchema } from './household-exit-facts.js';
import { schoolAgeDropout, someMemberHas, totalNetIncome } from './member-facts.js';
import { readParameters, SHARED_HOUSEHOLD_FACTS } from './shared-facts.js';

const ParametersSchema = z.object({
  exitLine: z.number().positive(),
  deepPovertyShareOfLine: z.number().positive(),
  compulsorySchoolingAge: AgeRangeSchema,
});

export const identificationFactCatalogue: FactCatalogue = {
  incomePerCapita: SHARED_HOUSEHOLD_FACTS.incomePerCapita,
  deepPovertyLine: { type: 'number', description: 'the deep-poverty share of the line of the assessment year' },
  fiscalPayrollMember: { type: 'boolean', description: 'a member is paid from the state budget' },
  villageCadreMember: { type: 'boolean', description: 'a member is a serving village cadre' },
  seriousIllnessMember: { type: 'boolean', description: 'a member has a serious or chronic illness' },
  schoolAgeDropout: SHARED_HOUSEHOLD_FACTS.schoolAgeDropout,
  assets: {
    type: 'object',
    fields: { townProperty: 'boolean', vehicleValue: 'number', ownsBusiness: 'boolean', hiresLabour: 'boolean' },
    description: 'the assets record',
  },
  housing: SHARED_HOUSEHOLD_FACTS.housing,
  spending: {
    type: 'object',
    fields: { medicalSelfPaid: 'number', education: 'number', disasterLoss: 'number' },
    description: 'spending in the assessment year',
  },
  awayMonths: { type: 'number', description: 'months the whole family has lived away from the village' },
  splitHousehold: { type: 'boolean', description: 'the household was split or merged to qualify' },
  totalNetIncome: SHARED_HOUSEHOLD_FACTS.totalNetIncome,
  shortestNoticeDays: { type: 'number', description: 'days of the shortest public notice with both dates' },
};

export interface IdentificationContext {
  readonly year: number;
  readonly deepPovertyLine: number;
  readonly compulsorySchoolingAge: z.output<typeof AgeRangeSchema>;
}

/** What the identification fact code reads from the rule set, checked once. */
export function identificationContext(prepared: PreparedRuleSet): IdentificationContext {
  const p = readParameters(prepared, ['exitLine', 'deepPovertyShareOfLine', 'compulsorySchoolingAge'], ParametersSchema);
  return { year: prepared.year, deepPovertyLine: p.deepPovertyShareOfLine * p.exitLine, compulsorySchoolingAge: p.compulsorySchoolingAge };
}

/**
 * Facts of `identification`. Prohibitions and priorities fire only on positive evidence: a
 * missing flag leaves its item `unknown`, which never excludes nor gives priority.
 */
export function identificationFacts(household: Household, context: IdentificationContext): Facts {
  const members = household.members;
  const payroll = someMemberHas(members, 'fiscalPayroll');
  const cadre = someMemberHas(members, 'villageCadre');
  const illness = someMemberHas(members, 'seriousIllness');
  const dropout = schoolAgeDropout(members, context.compulsorySchoolingAge);
  const total = totalNetIncome(household.incomePerCapita, members);
  const notice = shortestNoticeDays(household.notices);
  return new FactsBuilder()
    .set('incomePerCapita', household.incomePerCapita)
    .set('deepPovertyLine', context.deepPovertyLine)
    .set('fiscalPayrollMember', payroll.value, payroll.missing)
    .set('villageCadreMember', cadre.value, cadre.missing)
    .set('seriousIllnessMember', illness.value, illness.missing)
    .set('schoolAgeDropout', dropout.value, dropout.missing)
    .set('assets', household.assets)
    .set('housing', household.housing)
    .set('spending', household.spending)
    .set('awayMonths', household.awayMonths)
    .set('splitHousehold', household.splitHousehold)
    .set('totalNetIncome', total.value, total.missing)
    .set('shortestNoticeDays', notice, ['notices'])
    .build();
}

const DAY_MS = 86_400_000;

/**
 * Length in days of the shortest public notice that has both dates (end − start), or null
 * when no notice has both. Dates are ISO calendar dates, compared in UTC so no time zone
 * shifts a day.
 */
export function shortestNoticeDays(notices: readonly { start: string | null; end: string | null }[] | null): number | null {
  let shortest: number | null = null;
  for (const notice of notices ?? []) {
    if (notice.start === null || notice.end === null) continue;
    const days = (Date.parse(`${notice.end}T00:00:00Z`) - Date.parse(`${notice.start}T00:00:00Z`)) / DAY_MS;
    if (Number.isNaN(days)) continue;
    if (shortest === null || days < shortest) shortest = days;
  }
  return shortest;
}
