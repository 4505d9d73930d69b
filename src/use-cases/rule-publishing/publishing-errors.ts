import { TuopinError } from '../../kernel/errors.js';

// The refusals of rule-set publishing that are not the gate's findings: who publishes, under
// which id, and to which version a rollback may go.

/** A publication reached the use case with no authenticated caller to record as its author. */
export class AuthorUnknownError extends TuopinError {
  constructor() {
    super('AUTHOR_UNKNOWN', 'the request carries no authenticated caller to record as the author; sign it (SigV4) as policy staff');
  }
}

/** The path names one rule set; a body naming another is refused, not published under the wrong id. */
export class RuleSetPathMismatchError extends TuopinError {
  constructor(pathId: string, bodyId: unknown) {
    super('REQUEST_INVALID', `the path names rule set ${pathId}, the body ${JSON.stringify(bodyId)}`);
  }
}

/** A rollback that would change nothing: to the latest version itself. */
export class RollbackRefusedError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly version: number,
    detail: string,
  ) {
    super('ROLLBACK_REFUSED', `rule set ${ruleSetId}: cannot roll back to version ${version}: ${detail}`);
  }
}
