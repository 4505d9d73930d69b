import type { Located, RowPlacement } from './parsing/parsed-row.js';
import type { RejectedRow } from './parsing/rejected-row.js';
import type { Household } from './schemas/household-schema.js';
import type { County, Township, Village } from './schemas/place-schemas.js';
import type { AssistingUnit, CardHistoryEntry } from './schemas/unit-schemas.js';

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

/** The parsed records of a dataset with their file and line, before or after the reference checks. */
export interface DatasetRecords {
  readonly counties: readonly Located<County>[];
  readonly townships: readonly Located<Township>[];
  readonly villages: readonly Located<Village>[];
  readonly units: readonly Located<AssistingUnit>[];
  readonly households: readonly Located<Household>[];
  readonly cardHistory: readonly Located<CardHistoryEntry>[];
}
