import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * SHA-256 over the rule-set id, version, year and the canonical input. Two verdicts with the
 * same id were reached from the same data by the same rules, so a store may skip rewriting it.
 */
export function determinationId(ruleSetId: string, version: number, year: number, input: unknown): string {
  return createHash('sha256').update(canonicalJson([ruleSetId, version, year, input])).digest('hex');
}
