import { z } from 'zod';
import { FactsBuilder, type Facts } from '../engine/facts.js';
import type { Region } from '../engine/parameters.js';
import type { PreparedRuleSet } from '../engine/prepare-rule-set.js';
import type { Village } from '../records/records.js';
import { readParameters } from './shared-facts.js';
import type { FactCatalogue } from './fact-types.js';
import type { RemainingPoor, RemainingPoorRule } from './remaining-poor.js';

const StatusListSchema = z.array(z.string()).min(1);
const ParametersSchema = z.object({
  remainingPoor: z.object({ notPassingStatuses: StatusListSchema, failingStatuses: StatusListSchema }).strict(),
});

export const villageExitFactCatalogue: FactCatalogue = {
  povertyIncidence: { type: 'number', description: 'remaining poor people ÷ rural registered population' },
  incidenceLimit: { type: 'number', description: "the incidence limit of the county's region" },
  collectiveIncome: { type: 'number', description: 'collective-economy income in the assessment year (yuan)' },
  hasHardenedRoad: { type: 'boolean', description: 'a hardened road reaches the village' },
  hasStandardClinic: { type: 'boolean', description: 'a standard clinic with a qualified doctor' },
  hasCultureRoom: { type: 'boolean', description: 'a culture room or cultural service centre' },
  hasNetwork: { type: 'boolean', description: 'telecom or broadband coverage' },
};

export interface VillageExitContext {
  readonly year: number;
  readonly remainingPoor: RemainingPoorRule;
  incidenceLimit(region: Region | null): number | null;
}

/** What the village-exit fact code reads from the rule set, checked once. */
export function villageExitContext(prepared: PreparedRuleSet): VillageExitContext {
  const p = readParameters(prepared, ['remainingPoor'], ParametersSchema);
  prepared.parameters.forRegion('incidenceLimit', 'west'); // refuses a rule set without the region table now, not mid-run
  return {
    year: prepared.year,
    remainingPoor: p.remainingPoor,
    incidenceLimit: (region) => prepared.parameters.forRegion('incidenceLimit', region),
  };
}

/** The village's incidence figures, reported on its verdict. */
export function villageFigures(village: Village, remaining: RemainingPoor): Record<string, number | null> {
  const population = village.ruralRegisteredPopulation;
  return {
    remainingPoor: remaining.people,
    remainingPoorWithUnknownVerdict: remaining.peopleWithUnknownVerdict,
    remainingPoorHouseholds: remaining.households,
    ruralRegisteredPopulation: population,
    numerator: remaining.people,
    denominator: population,
    ratio: population === null || population === 0 ? null : remaining.people / population,
  };
}

/**
 * Facts of `village-exit`; a missing or zero population leaves the incidence undecided, and so
 * do rejected rows of the village's households (`rejectedRows`, as the item will list them):
 * the incidence of an incomplete household set is never judged.
 */
export function villageExitFacts(village: Village, region: Region | null, remaining: RemainingPoor, context: VillageExitContext, rejectedRows: readonly string[] = []): Facts {
  const population = village.ruralRegisteredPopulation;
  const incidence = population === null || population === 0 || rejectedRows.length > 0 ? null : remaining.people / population;
  const missing = population === null || population === 0 ? ['ruralRegisteredPopulation', ...rejectedRows] : [...rejectedRows];
  return new FactsBuilder()
    .set('povertyIncidence', incidence, missing)
    .set('incidenceLimit', context.incidenceLimit(region), ['county.region'])
    .set('collectiveIncome', village.collectiveIncome)
    .set('hasHardenedRoad', village.hasHardenedRoad)
    .set('hasStandardClinic', village.hasStandardClinic)
    .set('hasCultureRoom', village.hasCultureRoom)
    .set('hasNetwork', village.hasNetwork)
    .build();
}
