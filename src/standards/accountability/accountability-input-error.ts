import { TuopinError } from '../../kernel/errors.js';

/** The inputs of an accountability run are unusable (a malformed quarter, a unit listed twice). */
export class AccountabilityInputError extends TuopinError {
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super('ACCOUNTABILITY_INPUT_INVALID', `accountability input is invalid: ${detail}`, options);
  }
}
