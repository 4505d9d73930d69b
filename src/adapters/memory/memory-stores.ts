import type { Stores } from '../../ports/stores.js';
import { MemoryAccountabilityStore } from './memory-accountability-store.js';
import { MemoryRecordStore } from './memory-record-store.js';
import { MemoryRuleSetStore } from './memory-rule-set-store.js';
import { MemoryRunStore } from './memory-run-store.js';
import { MemoryVerdictStore } from './memory-verdict-store.js';

/** A fresh, empty set of in-memory stores. */
export function createMemoryStores(): Stores {
  return {
    records: new MemoryRecordStore(),
    verdicts: new MemoryVerdictStore(),
    runs: new MemoryRunStore(),
    accountability: new MemoryAccountabilityStore(),
    ruleSets: new MemoryRuleSetStore(),
  };
}
