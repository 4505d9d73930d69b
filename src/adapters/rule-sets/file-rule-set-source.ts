import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { RuleSetsByStandard, RuleSetSource } from '../../ports/rule-set-source.js';
import { readRuleSetFolder } from '../file/rule-set-files.js';
import { pinnedRuleSets, ruleSetsInForce } from './rule-sets-in-force.js';
import { lastDayOfQuarter } from '../../kernel/quarter.js';

/**
 * The rule sets of a folder of reviewed files (`rules/<id>/v<N>.json`), each checked as the
 * publish gate checks a draft. The folder is read on every call: the caching source in front
 * reads it once.
 */
export class FileRuleSetSource implements RuleSetSource {
  constructor(readonly folder: string) {}

  /** Every version in the folder, in id then version order (what seeding publishes). */
  all(): Promise<RuleSet[]> {
    return readRuleSetFolder(this.folder);
  }

  async inForce(quarter: string): Promise<RuleSetsByStandard> {
    return ruleSetsInForce(await this.all(), lastDayOfQuarter(quarter));
  }

  async pinned(versions: Readonly<Record<string, number>>): Promise<RuleSetsByStandard> {
    const all = await this.all();
    return pinnedRuleSets(versions, async (id, version) => all.find((r) => r.id === id && r.version === version) ?? null);
  }
}
