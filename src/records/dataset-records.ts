import type { AssistingUnit } from './assisting-unit-schema.js';
import type { CardHistoryEntry } from './card-history-schema.js';
import type { County } from './county-schema.js';
import type { Household } from './household-schema.js';
import type { Located } from './located.js';
import type { Township } from './township-schema.js';
import type { Village } from './village-schema.js';

/** The parsed records of a dataset with their file and line, before or after the reference checks. */
export interface DatasetRecords {
  readonly counties: readonly Located<County>[];
  readonly townships: readonly Located<Township>[];
  readonly villages: readonly Located<Village>[];
  readonly units: readonly Located<AssistingUnit>[];
  readonly households: readonly Located<Household>[];
  readonly cardHistory: readonly Located<CardHistoryEntry>[];
}
