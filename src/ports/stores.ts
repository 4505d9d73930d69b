import type { AccountabilityStore } from './accountability-store.js';
import type { RecordStore } from './record-store.js';
import type { RuleSetStore } from './rule-set-store.js';
import type { RunStore } from './run-store.js';
import type { VerdictStore } from './verdict-store.js';

/** The stores a pipeline works on; one adapter family provides them all. */
export interface Stores {
  readonly records: RecordStore;
  readonly verdicts: VerdictStore;
  readonly runs: RunStore;
  readonly accountability: AccountabilityStore;
  readonly ruleSets: RuleSetStore;
}
