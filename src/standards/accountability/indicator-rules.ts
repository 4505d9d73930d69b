import type { HouseholdExitSummary, HouseholdStatus } from './accountability-input.js';
import type { AccountabilityParameters } from './accountability-parameters.js';
import type { IndicatorId } from './indicator-ids.js';

/** Which households an indicator counts (its denominator) and which of those pass (its numerator). */
export interface IndicatorRule {
  readonly counts: (household: HouseholdExitSummary) => boolean;
  readonly passes: (household: HouseholdExitSummary) => boolean;
}

/**
 * The four indicators of standards.md §7 for assessment year `year`. A counted household
 * whose household-exit verdict is missing (`exit` null) never passes: a registered household
 * is always judged by household-exit, so a missing verdict is a gap in the run, and a gap
 * must not earn points.
 */
export function indicatorRules(parameters: AccountabilityParameters, year: number): Record<IndicatorId, IndicatorRule> {
  const registered = new Set<HouseholdStatus>(parameters.registeredStatuses);
  const exited = new Set<HouseholdStatus>(parameters.exitedStatuses);
  const isRegistered = (h: HouseholdExitSummary): boolean => registered.has(h.status);
  return {
    'exit-target': {
      counts: (h) => isRegistered(h) && h.plannedExitYear === year,
      passes: (h) => h.exit?.outcome === 'pass',
    },
    assurances: {
      counts: isRegistered,
      // An assurance item absent from the verdict is not a pass.
      passes: (h) => h.exit !== null && parameters.assuranceItems.every((id) => h.exit?.items[id] === 'pass'),
    },
    stability: {
      counts: (h) => exited.has(h.status),
      passes: (h) => h.exit !== null && h.exit.outcome !== 'fail',
    },
    'data-quality': {
      counts: isRegistered,
      passes: (h) => h.exit !== null && !Object.values(h.exit.items).includes('unknown'),
    },
  };
}
