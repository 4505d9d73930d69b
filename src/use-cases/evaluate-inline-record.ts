import type { Verdict } from '../engine/verdict.js';
import type { Household } from '../records/records.js';
import { assessmentQuarter } from './assessment-quarter.js';
import { InlineSubjectUnsupportedError, StandardNotJudgeableError } from './use-case-errors.js';
import { householdVerdict, standardOf, type ScoringContextSource } from './evaluation-standard.js';

export interface InlineEvaluation {
  readonly ruleSetId: string;
  readonly year: number;
  /** Parsed by `HouseholdSchema` before it gets here. */
  readonly record: Household;
}

/**
 * `POST /evaluations` with a `record`: judges a household that is not stored, by a household
 * standard (household-exit, identification, return-risk), and stores nothing. The verdict is the
 * one the nightly run would give the same household in the same quarter.
 */
export async function evaluateInlineRecord(contextFor: ScoringContextSource, request: InlineEvaluation, currentQuarter: string): Promise<Verdict> {
  const context = await contextFor(assessmentQuarter(request.year, currentQuarter));
  const ruleSet = standardOf(context, request.ruleSetId);
  if (ruleSet.subjectType === 'unit') throw new StandardNotJudgeableError(ruleSet.id);
  if (ruleSet.subjectType !== 'household') throw new InlineSubjectUnsupportedError(ruleSet.id, ruleSet.subjectType);
  return householdVerdict(context, ruleSet.id, request.record);
}
