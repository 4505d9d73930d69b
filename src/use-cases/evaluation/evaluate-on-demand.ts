import { RuleSetNotFoundError } from '../../engine/errors.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { Verdict } from '../../engine/verdict.js';
import type { Stores } from '../../ports/stores.js';
import type { Household } from '../../records/records.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { InlineSubjectUnsupportedError, StandardNotApplicableError, StandardNotJudgeableError, SubjectNotFoundError } from '../use-case-errors.js';
import type { ScoringContext } from '../scoring-context.js';
import { judgeHousehold } from '../scoring/judge-household.js';
import { aggregateCounty } from '../nightly/aggregate-county.js';
import { scoreAndStoreVillage } from '../nightly/score-village-batch.js';
import { assessmentQuarter } from '../scoring-context.js';

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

export interface StoredEvaluation {
  readonly ruleSetId: string;
  readonly year: number;
  readonly subjectId: string;
}

/**
 * `POST /evaluations` with a `subjectId`: judges a stored subject now and stores the verdict.
 * A household is judged and stored under its village's partition; a village is re-scored
 * (its households, the village, its tally); a county is aggregated from its villages' tallies.
 */
export async function evaluateStoredSubject(stores: Stores, contextFor: ScoringContextSource, request: StoredEvaluation, currentQuarter: string): Promise<Verdict> {
  const context = await contextFor(assessmentQuarter(request.year, currentQuarter));
  const ruleSet = standardOf(context, request.ruleSetId);
  const { subjectId } = request;
  switch (ruleSet.subjectType) {
    case 'household': {
      const household = await stores.records.getHousehold(subjectId);
      if (!household) throw new SubjectNotFoundError('household', subjectId);
      const verdict = await householdVerdict(context, ruleSet.id, household);
      await stores.verdicts.putChangedVerdicts(household.villageId, [verdict]);
      return verdict;
    }
    case 'village':
      return (await scoreAndStoreVillage(stores, context, subjectId)).score.villageVerdict;
    case 'county':
      if (!(await stores.records.getCounty(subjectId))) throw new SubjectNotFoundError('county', subjectId);
      return (await aggregateCounty(stores, context, subjectId)).verdict!;
    case 'unit':
      throw new StandardNotJudgeableError(ruleSet.id);
  }
}
