import { TuopinError } from '../kernel/errors.js';
import type { SubjectType } from '../engine/verdict.js';

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
