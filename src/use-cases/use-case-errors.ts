import { TuopinError } from '../kernel/errors.js';
import { render, type Text } from '../i18n/messages.js';
import type { SubjectType } from '../engine/verdict.js';

// The faults of the use cases: a subject, village, run or score that is not stored, a request
// the standard cannot answer, a dataset that must not be imported. Each code maps to an HTTP
// status in functions/_shared/http-errors.ts.

/** The stored subject an evaluation names does not exist. */
export class SubjectNotFoundError extends TuopinError {
  constructor(
    readonly subjectType: SubjectType,
    readonly subjectId: string,
  ) {
    super('SUBJECT_NOT_FOUND', `no ${subjectType} ${subjectId}`);
  }
}

/** No verdict is stored for a subject yet. */
export class VerdictsNotFoundError extends TuopinError {
  constructor(
    readonly subjectType: SubjectType,
    readonly subjectId: string,
  ) {
    super('VERDICTS_NOT_FOUND', `no verdict is stored for ${subjectType} ${subjectId}`);
  }
}

/** Village and county standards need the stored villages, households and townships behind them. */
export class InlineSubjectUnsupportedError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly subjectType: string,
  ) {
    super('INLINE_SUBJECT_UNSUPPORTED', `${ruleSetId} judges a ${subjectType}, which needs stored records: give subjectId instead of record`);
  }
}

/** The standard does not judge households of this status (its `appliesTo`). */
export class StandardNotApplicableError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly status: string,
  ) {
    super('STANDARD_NOT_APPLICABLE', `${ruleSetId} does not judge households of status ${status}`);
  }
}

/** Accountability scores units per quarter in the nightly run; it has no per-subject verdict. */
export class StandardNotJudgeableError extends TuopinError {
  constructor(readonly ruleSetId: string) {
    super('STANDARD_NOT_JUDGEABLE', `${ruleSetId} is scored per quarter by the nightly run, not per subject`);
  }
}

/**
 * A dataset with no household at all (an empty or header-only households file, or every row
 * rejected): importing it would judge villages and counties with nobody in them, so it is
 * refused before anything is written.
 */
export class EmptyDatasetError extends TuopinError {
  constructor(readonly rejectedRows: number) {
    super('DATASET_EMPTY', render('en', emptyDatasetText(rejectedRows)));
  }
}

/** What an empty dataset's refusal says, in the catalogue (`error.DATASET_EMPTY`). */
export function emptyDatasetText(rejectedRows: number): Text {
  return { key: 'error.DATASET_EMPTY', params: { rejected: rejectedRows > 0 ? { key: 'empty.rejected', params: { count: rejectedRows } } : '' } };
}

/** No run with that id is stored. */
export class RunNotFoundError extends TuopinError {
  constructor(readonly runId: string) {
    super('RUN_NOT_FOUND', `no run ${runId}`);
  }
}

/** Nothing was scored for the county in that quarter. */
export class AccountabilityNotFoundError extends TuopinError {
  constructor(
    readonly countyId: string,
    readonly quarter: string,
  ) {
    super('ACCOUNTABILITY_NOT_FOUND', `no accountability scores are stored for county ${countyId} in ${quarter}`);
  }
}

/** Subject ids do not sort like their partitions: the verdicts must be collected and sorted. */
export class VerdictOrderError extends TuopinError {
  constructor(readonly subject: string) {
    super('VERDICT_ORDER', `verdict of ${subject} does not follow the previous one in partition order`);
  }
}

/** The village a re-evaluation or a batch names is not stored. */
export class VillageNotFoundError extends TuopinError {
  constructor(readonly villageId: string) {
    super('VILLAGE_NOT_FOUND', `no village ${villageId}`);
  }
}
