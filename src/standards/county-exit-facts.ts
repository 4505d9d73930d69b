import { z } from 'zod';
import { FactsBuilder, type Facts } from '../engine/facts.js';
import type { PreparedRuleSet } from '../engine/prepare-rule-set.js';
import type { County, Township } from '../records/records.js';
import { readParameters } from './shared-facts.js';
import type { FactCatalogue } from './fact-types.js';

const StatusListSchema = z.array(z.string()).min(1);
const ParametersSchema = z.object({ registeredStatuses: StatusListSchema, exitedStatuses: StatusListSchema });

export const countyExitFactCatalogue: FactCatalogue = {
  comprehensiveIncidence: { type: 'number', description: '(remaining poor + omission rate × unregistered + wrong-exit rate × exited) ÷ rural registered population' },
  incidenceLimit: { type: 'number', description: "the incidence limit of the county's region" },
  wrongExitRate: { type: 'number', description: 'wrongly exited people found ÷ exited people sampled' },
  omissionRate: { type: 'number', description: 'omitted poor people found ÷ unregistered rural people sampled' },
  approvalRate: { type: 'number', description: 'approving households ÷ households surveyed' },
  everyTownshipHasCentralSchool: { type: 'boolean', description: 'every township has a standard central school' },
  everyTownshipHasHealthCentre: { type: 'boolean', description: 'every township has a qualified health centre' },
  everyTownshipHasServiceCentre: { type: 'boolean', description: 'every township has a public-service centre' },
};

export interface CountyExitContext {
  readonly year: number;
  readonly registeredStatuses: readonly string[];
  readonly exitedStatuses: readonly string[];
  incidenceLimit(region: County['region']): number | null;
}

/** What the county-exit fact code reads from the rule set, checked once. */
export function countyExitContext(prepared: PreparedRuleSet): CountyExitContext {
  const p = readParameters(prepared, ['registeredStatuses', 'exitedStatuses'], ParametersSchema);
  prepared.parameters.forRegion('incidenceLimit', 'west');
  return { year: prepared.year, ...p, incidenceLimit: (region) => prepared.parameters.forRegion('incidenceLimit', region) };
}

/** People counts over the county's households that the comprehensive incidence needs. */
export interface CountyPopulation {
  /** Remaining poor people summed over the county's villages (§3). */
  readonly remainingPoor: number;
  /** Members of households with an exited status. */
  readonly exitedPopulation: number;
  /** Members of registered (建档立卡) households. */
  readonly registeredPopulation: number;
}

/** A survey ratio, or null naming exactly which survey fields are missing (or the zero denominator). */
function rate(numerator: number | null | undefined, denominator: number | null | undefined, fields: readonly [string, string]) {
  const missing: string[] = [];
  if (numerator === null || numerator === undefined) missing.push(`survey.${fields[0]}`);
  if (denominator === null || denominator === undefined || denominator === 0) missing.push(`survey.${fields[1]}`);
  return missing.length > 0 ? { value: null, missing } : { value: numerator! / denominator!, missing };
}

/** The three survey ratios of §4, each with the fields that left it undecided. */
function surveyRates(survey: County['survey']) {
  return {
    wrongExit: rate(survey?.wronglyExited, survey?.exitedSampled, ['wronglyExited', 'exitedSampled']),
    omission: rate(survey?.omitted, survey?.unregisteredSampled, ['omitted', 'unregisteredSampled']),
    approval: rate(survey?.householdsApproving, survey?.householdsSurveyed, ['householdsApproving', 'householdsSurveyed']),
  };
}

function everyTownship(townships: readonly Township[], field: 'hasStandardCentralSchool' | 'hasQualifiedHealthCentre' | 'hasServiceCentre') {
  if (townships.length === 0) return { value: null, missing: ['townships'] };
  if (townships.some((t) => t[field] === false)) return { value: false, missing: [] };
  const missing = townships.filter((t) => t[field] === null).map((t) => `townships[${t.townshipId}].${field}`);
  return missing.length > 0 ? { value: null, missing } : { value: true, missing: [] };
}

/** The county's survey rates and comprehensive incidence, reported on its verdict. */
export function countyFigures(county: County, population: CountyPopulation): Record<string, number | null> {
  const rates = surveyRates(county.survey);
  const wrongExit = rates.wrongExit.value;
  const omission = rates.omission.value;
  const approval = rates.approval.value;
  const rural = county.ruralRegisteredPopulation;
  const unregistered = rural === null ? null : rural - population.registeredPopulation;
  const numerator =
    wrongExit === null || omission === null || unregistered === null
      ? null
      : population.remainingPoor + omission * unregistered + wrongExit * population.exitedPopulation;
  return {
    remainingPoor: population.remainingPoor,
    exitedPopulation: population.exitedPopulation,
    registeredPopulation: population.registeredPopulation,
    unregisteredRuralPopulation: unregistered,
    ruralRegisteredPopulation: rural,
    wrongExitRate: wrongExit,
    omissionRate: omission,
    approvalRate: approval,
    numerator,
    denominator: rural,
    ratio: numerator === null || rural === null || rural === 0 ? null : numerator / rural,
  };
}

/** Rejected rows a county's items need, as the items will list them (see `countyRejectedRows`). */
export interface CountyRejections {
  readonly incidence: readonly string[];
  readonly townships: readonly string[];
}

/** A township item with rejected township rows: a known `false` stands, anything else is undecided. */
function withRejected(found: { value: boolean | null; missing: string[] }, rejected: readonly string[]) {
  return rejected.length === 0 || found.value === false ? found : { value: null, missing: [...found.missing, ...rejected] };
}

/**
 * Facts of `county-exit`. A survey with a zero denominator, or no townships, leaves those items
 * undecided; so do rejected rows: of households, villages or the county for the incidence, of
 * townships for the township items.
 */
export function countyExitFacts(
  county: County,
  townships: readonly Township[],
  figures: Record<string, number | null>,
  context: CountyExitContext,
  rejected: CountyRejections = { incidence: [], townships: [] },
): Facts {
  const survey = county.survey;
  const { wrongExit, omission, approval } = surveyRates(survey);
  const missingForIncidence = survey ? [...wrongExit.missing, ...omission.missing] : ['survey'];
  if (county.ruralRegisteredPopulation === null || county.ruralRegisteredPopulation === 0) missingForIncidence.push('ruralRegisteredPopulation');
  missingForIncidence.push(...rejected.incidence);
  const school = withRejected(everyTownship(townships, 'hasStandardCentralSchool'), rejected.townships);
  const health = withRejected(everyTownship(townships, 'hasQualifiedHealthCentre'), rejected.townships);
  const service = withRejected(everyTownship(townships, 'hasServiceCentre'), rejected.townships);
  return new FactsBuilder()
    .set('comprehensiveIncidence', rejected.incidence.length > 0 ? null : (figures.ratio ?? null), missingForIncidence)
    .set('incidenceLimit', context.incidenceLimit(county.region), ['region'])
    .set('wrongExitRate', wrongExit.value, survey ? wrongExit.missing : ['survey'])
    .set('omissionRate', omission.value, survey ? omission.missing : ['survey'])
    .set('approvalRate', approval.value, survey ? approval.missing : ['survey'])
    .set('everyTownshipHasCentralSchool', school.value, school.missing)
    .set('everyTownshipHasHealthCentre', health.value, health.missing)
    .set('everyTownshipHasServiceCentre', service.value, service.missing)
    .build();
}
