import type { RuleSetProblem } from './rule-set-problem.js';
import { TuopinError } from '../kernel/errors.js';

/** The rule set does not satisfy its schema or the static checks: it must not be used. */
export class RuleSetInvalidError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly problems: readonly RuleSetProblem[],
    options?: { cause?: unknown },
  ) {
    super('RULE_SET_INVALID', `rule set ${ruleSetId} is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, options);
  }
}

/** A year-keyed table lacks the assessment year: an error of the rule set, never a silent default. */
export class RuleSetYearMissingError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly parameter: string,
    readonly year: number,
  ) {
    super('RULE_SET_YEAR_MISSING', `rule set ${ruleSetId} has no value of ${parameter} for ${year}`);
  }
}

/** A rule set refers to a parameter it does not define. */
export class ParameterMissingError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly parameter: string,
  ) {
    super('PARAMETER_MISSING', `rule set ${ruleSetId} has no parameter ${parameter}`);
  }
}

/** No published version of a rule set is in force on the as-of date. */
export class RuleSetNotFoundError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly detail: string,
  ) {
    super('RULE_SET_NOT_FOUND', `rule set ${ruleSetId}: ${detail}`);
  }
}

/** Two writers raced to publish the same version: the loser gets this, never a silent overwrite. */
export class RuleSetConflictError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly version: number,
  ) {
    super('RULE_SET_CONFLICT', `rule set ${ruleSetId} version ${version} is already published`);
  }
}
