import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * SHA-256 over the rule-set id, version, year and the canonical input. Two verdicts with the
 * same id were reached from the same data by the same rules, so a store may skip rewriting it.
 * `canonicalInput` is `canonicalJson(input)`, computed once when one record gets several verdicts.
 */
export function determinationId(ruleSetId: string, version: number, year: number, input: unknown, canonicalInput?: string): string {
  // Byte for byte the canonical JSON of [ruleSetId, version, year, input].
  const text = `[${JSON.stringify(ruleSetId)},${canonicalJson(version)},${canonicalJson(year)},${canonicalInput ?? canonicalJson(input)}]`;
  // One-shot hashing: half the cost of createHash().update().digest() on a record-sized text.
  return hash('sha256', text, 'hex');
}
