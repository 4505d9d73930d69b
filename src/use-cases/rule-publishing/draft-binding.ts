import { prepareRuleSet, type PreparedRuleSet } from '../../engine/prepare-rule-set.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { parseAccountabilityParameters } from '../../standards/accountability/accountability-parameters.js';
import { runAccountability } from '../../standards/accountability/run-accountability.js';
import { countyExitContext } from '../../standards/county-exit-facts.js';
import { householdExitContext } from '../../standards/household-exit-facts.js';
import { identificationContext } from '../../standards/identification-facts.js';
import { returnRiskContext } from '../../standards/return-risk-facts.js';
import { isStandardId, type StandardId } from '../../standards/standard-ids.js';
import { villageExitContext } from '../../standards/village-exit-facts.js';

/**
 * What each standard's code reads from its rule set, as `createScoringContext` binds it. The
 * accountability standard has no items: an empty roll-up checks its parameters and that every
 * indicator it scores has a label.
 */
const BINDINGS: Readonly<Record<StandardId, (prepared: PreparedRuleSet) => unknown>> = {
  'household-exit': householdExitContext,
  identification: identificationContext,
  'return-risk': returnRiskContext,
  'village-exit': villageExitContext,
  'county-exit': countyExitContext,
  accountability: (prepared) =>
    runAccountability({
      quarter: `${prepared.year}Q4`,
      units: [],
      households: [],
      history: [],
      parameters: parseAccountabilityParameters(prepared.ruleSet.parameters, prepared.ruleSet.id),
      indicatorLabels: Object.fromEntries(prepared.ruleSet.indicators.map((indicator) => [indicator.id, indicator.label])),
    }),
};

/**
 * Binds a rule set to one assessment year the way a run will: every parameter resolved for the
 * year and read by the standard's code. Throws the typed error a run would meet (a missing
 * year, a parameter of the wrong shape), so the gate meets it first.
 */
export function bindDraft(ruleSet: RuleSet, year: number): void {
  const prepared = prepareRuleSet(ruleSet, year);
  if (isStandardId(ruleSet.id)) BINDINGS[ruleSet.id](prepared);
}
