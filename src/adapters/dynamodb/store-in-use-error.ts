import { TuopinError } from '../../engine/errors.js';

/** Another process holds the embedded store's folder: LevelDB admits one process at a time. */
export class StoreInUseError extends TuopinError {
  constructor(
    readonly dir: string,
    options?: { cause?: unknown },
  ) {
    super('STORE_IN_USE', `the store in ${dir} is in use by another process (another tuopin command?); wait for it or give another --db`, options);
  }
}
