import { createHash } from 'node:crypto';
import type { Verdict } from '../../engine/verdict.js';
import { keys, type TableKey } from './keys.js';
import type { Item } from './mappers.js';

/*
 * A partition's verdicts of a year, summed up in one small item: the hash of every verdict's
 * key and determination id. The nightly run judges a village, hashes what it judged, and when
 * the hash is the stored one it neither reads the village's verdicts nor writes any: 1 read
 * unit instead of a Query of every verdict. A determination id changes with the rule-set
 * version, the year and every fact the verdict was judged on, so the digest changes whenever
 * any verdict of the partition would.
 *
 * It lives in the verdicts' own partition, not beside the tally: every write that can make the
 * stored verdicts differ from the digest (an on-demand evaluation, a snapshot removal, an
 * interrupted nightly write) deletes it first, and only a complete `replacePartitionVerdicts`
 * writes it again, so a digest present is always true of the partition.
 */

/** Changing how verdicts are stored changes every digest, so a new layout is written out once. */
const LAYOUT = 'compact-1';

/** The digest of the verdicts a partition holds for a year, in any order given. */
export function verdictDigest(partition: string, verdicts: readonly Verdict[]): string {
  const lines = verdicts.map((verdict) => `${keys.verdict(partition, verdict).sk}\t${verdict.determinationId}`).sort();
  return createHash('sha256').update(`${LAYOUT}\n${lines.join('\n')}`).digest('hex');
}

/**
 * The digest item; `judgedFrom` names the inputs the verdicts were judged from (a village's
 * inputs digest), true for as long as the item is, since every other writer deletes it.
 */
export const digestItem = (partition: string, year: number, digest: string, judgedFrom?: string): Item => ({
  ...keys.verdictDigest(partition, year),
  kind: 'verdict-digest',
  digest,
  ...(judgedFrom === undefined ? {} : { judgedFrom }),
});

/** The digest keys of the years these verdicts belong to. */
export function digestKeysOf(partition: string, years: Iterable<number>): TableKey[] {
  return [...new Set(years)].map((year) => keys.verdictDigest(partition, year));
}
