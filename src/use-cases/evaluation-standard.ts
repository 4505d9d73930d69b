import { RuleSetNotFoundError } from '../engine/errors.js';
import type { RuleSet } from '../engine/rule-set-schema.js';
import type { Verdict } from '../engine/verdict.js';
import type { Household } from '../records/records.js';
import { isStandardId } from '../standards/standard-ids.js';
import { StandardNotApplicableError } from './use-case-errors.js';
import { judgeHousehold } from './judge-household.js';
import type { ScoringContext } from './scoring-context.js';

/** Where on-demand evaluations get their scoring context for a quarter (cached by the caller). */
export type ScoringContextSource = (quarter: string) => Promise<ScoringContext>;

/** The rule set of the standard a request names, in the context's versions; unknown ids are not found. */
export function standardOf(context: ScoringContext, ruleSetId: string): RuleSet {
  if (!isStandardId(ruleSetId)) throw new RuleSetNotFoundError(ruleSetId, 'no such standard');
  return context.ruleSets[ruleSetId];
}

/**
 * One household's verdict by one household standard, judged exactly as the nightly run judges
 * it (`judgeHousehold`, so return-risk sees the same exit verdict).
 */
export async function householdVerdict(context: ScoringContext, ruleSetId: string, household: Household): Promise<Verdict> {
  const judged = await judgeHousehold(context, household);
  const verdict = judged.verdicts.find((v) => v.ruleSetId === ruleSetId);
  if (!verdict) throw new StandardNotApplicableError(ruleSetId, household.status);
  return verdict;
}
