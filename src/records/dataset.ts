import type { AssistingUnit } from './assisting-unit-schema.js';
import type { CardHistoryEntry } from './card-history-schema.js';
import type { County } from './county-schema.js';
import type { Household } from './household-schema.js';
import type { RejectedRow } from './rejected-row.js';
import type { RowPlacement } from './row-placement.js';
import type { Township } from './township-schema.js';
import type { Village } from './village-schema.js';

/**
 * A checked dataset: the records that passed their schema and the reference checks, in file
 * order, and every row left out with its reason.
 */
export interface Dataset {
  readonly counties: County[];
  readonly townships: Township[];
  readonly villages: Village[];
  readonly units: AssistingUnit[];
  readonly households: Household[];
  readonly cardHistory: CardHistoryEntry[];
  readonly rejected: RejectedRow[];
  /** Where each rejected row belongs, for the rows whose references could be read. */
  readonly placements?: ReadonlyMap<RejectedRow, RowPlacement>;
}
