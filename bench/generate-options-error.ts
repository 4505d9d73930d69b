import { TuopinError } from '../src/kernel/errors.js';

/** The generator was asked for something it cannot produce (bad size, quarter or rate). */
export class GenerateOptionsError extends TuopinError {
  constructor(message: string) {
    super('GENERATE_OPTIONS_INVALID', message);
  }
}
