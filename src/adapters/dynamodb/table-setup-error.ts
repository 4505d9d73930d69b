import { TuopinError } from '../../kernel/errors.js';

/** The table exists with other keys than `TABLE_KEYS`, or did not become ACTIVE in time. */
export class TableSetupError extends TuopinError {
  constructor(
    readonly tableName: string,
    detail: string,
  ) {
    super('TABLE_SETUP', `table ${tableName}: ${detail}`);
  }
}
