import type { ItemEvaluator } from '../engine/evaluators.js';
import { prepareRuleSet, type PreparedRuleSet } from '../engine/prepare-rule-set.js';
import type { RuleSet } from '../engine/rule-set-schema.js';
import { parseAccountabilityParameters, type AccountabilityParameters } from '../standards/accountability/accountability-parameters.js';
import { parseQuarter } from '../kernel/quarter.js';
import { QuarterSchema } from '../kernel/quarter-schema.js';
import { countyExitContext, type CountyExitContext } from '../standards/county-exit-facts.js';
import { householdExitContext, type HouseholdExitContext } from '../standards/household-exit-facts.js';
import { identificationContext, type IdentificationContext } from '../standards/identification-facts.js';
import { returnRiskContext, type ReturnRiskContext } from '../standards/return-risk-facts.js';
import type { StandardId } from '../standards/standard-ids.js';
import { villageExitContext, type VillageExitContext } from '../standards/village-exit-facts.js';

interface Bound<C> {
  readonly prepared: PreparedRuleSet;
  readonly context: C;
  /** Household statuses the standard judges (from the rule set's `appliesTo`). */
  readonly statuses: ReadonlySet<string>;
}

/** Everything a run needs to judge: the pinned rule sets bound to the assessment year, and the evaluator. */
export interface ScoringContext {
  readonly quarter: string;
  readonly year: number;
  readonly evaluator: ItemEvaluator;
  readonly ruleSets: Readonly<Record<StandardId, RuleSet>>;
  readonly householdExit: Bound<HouseholdExitContext>;
  readonly identification: Bound<IdentificationContext>;
  readonly returnRisk: Bound<ReturnRiskContext>;
  readonly villageExit: Bound<VillageExitContext>;
  readonly countyExit: Bound<CountyExitContext>;
  readonly accountability: {
    readonly ruleSet: RuleSet;
    readonly parameters: AccountabilityParameters;
    readonly indicatorLabels: Readonly<Record<string, { zh: string; en: string }>>;
  };
}

function bind<C>(ruleSet: RuleSet, year: number, contextOf: (prepared: PreparedRuleSet) => C): Bound<C> {
  const prepared = prepareRuleSet(ruleSet, year);
  return { prepared, context: contextOf(prepared), statuses: new Set(ruleSet.appliesTo?.statuses ?? []) };
}

/**
 * Binds the six rule sets to the quarter's assessment year. Every parameter the run will read
 * is resolved and checked here, so a rule set missing the year fails before any verdict.
 */
export function createScoringContext(ruleSets: Readonly<Record<StandardId, RuleSet>>, quarter: string, evaluator: ItemEvaluator): ScoringContext {
  const { year } = parseQuarter(quarter);
  const accountability = ruleSets.accountability;
  return {
    quarter,
    year,
    evaluator,
    ruleSets,
    householdExit: bind(ruleSets['household-exit'], year, householdExitContext),
    identification: bind(ruleSets.identification, year, identificationContext),
    returnRisk: bind(ruleSets['return-risk'], year, returnRiskContext),
    villageExit: bind(ruleSets['village-exit'], year, villageExitContext),
    countyExit: bind(ruleSets['county-exit'], year, countyExitContext),
    accountability: {
      ruleSet: accountability,
      parameters: parseAccountabilityParameters(accountability.parameters),
      indicatorLabels: Object.fromEntries(accountability.indicators.map((indicator) => [indicator.id, indicator.label])),
    },
  };
}

/**
 * The quarter an on-demand evaluation of `year` belongs to: the current quarter when the year
 * is the current one (so a re-evaluation feeds the same tallies the nightly run reads), else
 * the year's last quarter (a past or future year is judged as at its end).
 */
export function assessmentQuarter(year: number | undefined, currentQuarter: string): string {
  const current = QuarterSchema.parse(currentQuarter);
  if (year === undefined || String(year) === current.slice(0, 4)) return current;
  return `${year}Q4`;
}
