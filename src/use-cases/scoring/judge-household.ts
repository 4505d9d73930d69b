import { judge } from '../../engine/judge.js';
import type { Verdict } from '../../engine/verdict.js';
import type { Household } from '../../records/records.js';
import type { HouseholdExitSummary } from '../../standards/accountability/accountability-input.js';
import { householdExitFacts } from '../../standards/household-exit-facts.js';
import { identificationFacts } from '../../standards/identification-facts.js';
import { returnRiskFacts } from '../../standards/return-risk-facts.js';
import type { ScoringContext } from '../scoring-context.js';

export interface JudgedHousehold {
  /** The verdicts to publish: one per standard that judges the household's status. */
  readonly verdicts: Verdict[];
  /** The household-exit verdict, when the standard judges the household's status. */
  readonly exit: Verdict | null;
  readonly summary: HouseholdExitSummary;
}

/**
 * Judges one household by every standard that applies to its status. Household exit is judged
 * first because return-risk asks whether an exited household fails it today.
 */
export async function judgeHousehold(context: ScoringContext, household: Household): Promise<JudgedHousehold> {
  const { householdExit, identification, returnRisk, evaluator } = context;
  const status = household.status;
  const subject = { type: 'household' as const, id: household.householdId };
  const verdicts: Verdict[] = [];
  const publishExit = householdExit.statuses.has(status);
  let exit: Verdict | null = null;
  if (publishExit) {
    exit = await judge(evaluator, householdExit.prepared, subject, householdExitFacts(household, householdExit.context));
    verdicts.push(exit);
  }
  if (identification.statuses.has(status)) {
    verdicts.push(await judge(evaluator, identification.prepared, subject, identificationFacts(household, identification.context)));
  }
  if (returnRisk.statuses.has(status)) {
    verdicts.push(await judge(evaluator, returnRisk.prepared, subject, returnRiskFacts(household, returnRisk.context, exit)));
  }
  const summary: HouseholdExitSummary = {
    householdId: household.householdId,
    villageId: household.villageId,
    status,
    plannedExitYear: household.plannedExitYear,
    exit: exit ? { outcome: exit.outcome as 'pass' | 'fail' | 'unknown', items: Object.fromEntries(exit.items.map((i) => [i.id, i.outcome])) } : null,
  };
  return { verdicts, exit, summary };
}
