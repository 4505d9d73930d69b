import { TuopinError } from '../../kernel/errors.js';

/** DynamoDB did not take every write even after the retries: nothing is dropped silently. */
export class StoreWriteError extends TuopinError {
  constructor(
    /** Writes (puts and deletes) that were not applied. */
    readonly unprocessed: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('STORE_WRITE', `${message} (${unprocessed} write(s) not applied)`, options);
  }
}
