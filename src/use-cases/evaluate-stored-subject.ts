import type { Verdict } from '../engine/verdict.js';
import type { Stores } from '../ports/stores.js';
import { aggregateCounty } from './nightly/aggregate-county.js';
import { assessmentQuarter } from './assessment-quarter.js';
import { StandardNotJudgeableError, SubjectNotFoundError } from './evaluation-errors.js';
import { householdVerdict, standardOf, type ScoringContextSource } from './evaluation-standard.js';
import { scoreAndStoreVillage } from './nightly/score-village-batch.js';

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
