import { TuopinError } from '../kernel/errors.js';

/** A command line that cannot be run: printed as one line, exit status 2. */
export class UsageError extends TuopinError {
  constructor(message: string) {
    super('USAGE', message);
  }
}
