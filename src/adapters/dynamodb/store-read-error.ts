import { TuopinError } from '../../kernel/errors.js';

/** A read could not be completed (keys left unprocessed after the retries) or found inconsistent items. */
export class StoreReadError extends TuopinError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_READ', message, options);
  }
}
