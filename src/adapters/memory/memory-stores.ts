import { RuleSetConflictError } from '../../engine/errors.js';
import type { PublishedRuleSet, RuleSetStore, Stores } from '../../ports/stores.js';
import { MemoryAccountabilityStore } from './memory-accountability-store.js';
import { MemoryRecordStore } from './memory-record-store.js';
import { MemoryRuleDraftStore } from './memory-rule-draft-store.js';
import { MemoryRunStore } from './memory-run-store.js';
import { MemoryVerdictStore } from './memory-verdict-store.js';
import { SpillFile } from '../file/spill-file.js';

/**
 * A fresh, empty set of in-memory stores, their bulk sharing one spill file. `allowSelfApproval`
 * is the deployment setting that lets one officer approve their own rule-set draft.
 */
export function createMemoryStores(options: { allowSelfApproval?: boolean } = {}): Stores {
  const spill = new SpillFile();
  return {
    records: new MemoryRecordStore(spill),
    verdicts: new MemoryVerdictStore(spill),
    runs: new MemoryRunStore(spill),
    accountability: new MemoryAccountabilityStore(),
    ruleSets: new MemoryRuleSetStore(),
    drafts: new MemoryRuleDraftStore(options.allowSelfApproval ?? false),
  };
}

/** Published rule-set versions in a map; publishing an existing version is a conflict. */
export class MemoryRuleSetStore implements RuleSetStore {
  private readonly versions = new Map<string, PublishedRuleSet>();

  async publish(entry: PublishedRuleSet): Promise<void> {
    const key = `${entry.ruleSet.id}#${entry.ruleSet.version}`;
    if (this.versions.has(key)) throw new RuleSetConflictError(entry.ruleSet.id, entry.ruleSet.version);
    this.versions.set(key, structuredClone(entry));
  }
  async getVersion(id: string, version: number): Promise<PublishedRuleSet | null> {
    return this.versions.get(`${id}#${version}`) ?? null;
  }
  async listVersions(id: string): Promise<PublishedRuleSet[]> {
    return [...this.versions.values()].filter((v) => v.ruleSet.id === id).sort((a, b) => a.ruleSet.version - b.ruleSet.version);
  }
  async listIds(): Promise<string[]> {
    return [...new Set([...this.versions.values()].map((v) => v.ruleSet.id))].sort();
  }
}
