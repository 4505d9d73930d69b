import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.js';
import type { Region, Village } from '../../records/records.js';
import type { ScoringContext } from '../scoring-context.js';

/*
 * A village's verdicts and tally are a function of its inputs: the code that judges, the
 * evaluator, the quarter and its year, the pinned rule sets, the village record, its county's
 * region, the rejected rows that make its household set incomplete, and its households. Their
 * digest is stored as a mark beside the verdicts and the tally the run writes; a later run that
 * computes the same digest, and finds both marks still standing, keeps the village as stored
 * instead of reading its households and judging them again.
 *
 * The households enter by their stored content hashes (a complete roster), so a run decides
 * without reading one record. A determination id does not name the code that computed it, so
 * the digest does: a new build judges every village again.
 */

/** How a village's inputs are summed up; changing it changes every digest, so every village is judged again once. */
const LAYOUT = 'village-inputs-1';

/**
 * What lets a run keep villages: `build` names the judging code (a digest of its files); `keep`
 * is offered each village whose inputs are unchanged and answers whether to keep it as stored
 * (true: the caller has what it needs of the village, such as its verdict lines) or to judge
 * it again (false).
 */
export interface UnchangedVillages {
  readonly build: string;
  readonly keep: (villageId: string, inputs: string) => boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The part of every village's digest that is the run's: code, evaluator, quarter, year and rule sets. */
export function runInputsBasis(context: ScoringContext, build: string): string {
  return sha256(canonicalJson({ layout: LAYOUT, build, evaluator: context.evaluator.name, quarter: context.quarter, year: context.year, ruleSets: context.ruleSets }));
}

/** The village's inputs digest: the run's basis, its own record, region and rejected rows, and each household's content hash by id. */
export function villageInputsDigest(
  basis: string,
  village: Village,
  region: Region | null,
  rejectedRows: readonly string[],
  householdHashes: ReadonlyMap<string, string>,
): string {
  const households = [...householdHashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256(`${basis}\n${canonicalJson({ village, region, rejectedRows })}\n${JSON.stringify(households)}`);
}
