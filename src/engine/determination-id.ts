import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * SHA-256 over the canonical JSON of [rule-set id, version, year, input]. Two verdicts with the
 * same id were reached from the same input by the same rules, so a store may skip rewriting it.
 */
export function determinationId(ruleSetId: string, version: number, year: number, input: unknown): string {
  const text = canonicalJson([ruleSetId, version, year, input]);
  // One-shot hashing: half the cost of createHash().update().digest() on a record-sized text.
  return hash('sha256', text, 'hex');
}
