import type { Stores } from '../../ports/stores.js';
import { MemoryAccountabilityStore } from './memory-accountability-store.js';
import { MemoryRecordStore } from './memory-record-store.js';
import { MemoryRuleSetStore } from './memory-rule-set-store.js';
import { MemoryRunStore } from './memory-run-store.js';
import { MemoryVerdictStore } from './memory-verdict-store.js';
import { SpillFile } from './spill-file.js';

/** A fresh, empty set of in-memory stores, their bulk sharing one spill file. */
export function createMemoryStores(): Stores {
  const spill = new SpillFile();
  return {
    records: new MemoryRecordStore(spill),
    verdicts: new MemoryVerdictStore(spill),
    runs: new MemoryRunStore(spill),
    accountability: new MemoryAccountabilityStore(),
    ruleSets: new MemoryRuleSetStore(),
  };
}
