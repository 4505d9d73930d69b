import { createHash } from 'node:crypto';
import { canonicalJson } from '../kernel/canonical-json.js';
import type { RuleSet } from '../engine/rule-set-schema.js';
import type { PublishedRuleSet } from '../ports/rule-set-store.js';

/** SHA-256 of a rule set's canonical JSON: equal content, equal hash, whatever the key order. */
export function contentHash(ruleSet: RuleSet): string {
  return createHash('sha256').update(canonicalJson(ruleSet)).digest('hex');
}

/** The stored form of a version about to be published. */
export function publishEntry(ruleSet: RuleSet, author: string, note: string, now: Date): PublishedRuleSet {
  return { ruleSet, author, note, publishedAt: now.toISOString(), contentHash: contentHash(ruleSet) };
}
