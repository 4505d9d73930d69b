import { hash } from 'node:crypto';
import { canonicalJson, shapedCanonicalWriter } from '../kernel/canonical-json.js';

/** One shaped writer per rule-set id and version: their inputs share one set of facts. */
const writers = new Map<string, (value: unknown) => string>();

let last: { ruleSetId: string; version: number; writer: (value: unknown) => string } | null = null;

function writerFor(ruleSetId: string, version: number): (value: unknown) => string {
  if (last?.ruleSetId === ruleSetId && last.version === version) return last.writer;
  const key = `${ruleSetId}\u0000${version}`;
  let writer = writers.get(key);
  if (!writer) {
    writer = shapedCanonicalWriter();
    if (writers.size < 1_000) writers.set(key, writer);
  }
  last = { ruleSetId, version, writer };
  return writer;
}

/**
 * SHA-256 over the canonical JSON of [rule-set id, version, year, input]. Two verdicts with the
 * same id were reached from the same input by the same rules, so a store may skip rewriting it.
 * The text is written by a writer fitted to the rule set's inputs (the key order worked out
 * once per shape, see `shapedCanonicalWriter`): the same text `canonicalJson` gives, at a
 * fraction of its cost, since every verdict of the nightly run computes one.
 */
export function determinationId(ruleSetId: string, version: number, year: number, input: unknown): string {
  const text = `[${canonicalJson(ruleSetId)},${canonicalJson(version)},${canonicalJson(year)},${writerFor(ruleSetId, version)(input)}]`;
  // One-shot hashing: half the cost of createHash().update().digest() on a record-sized text.
  return hash('sha256', text, 'hex');
}
