/*
 * What a run of the state machine keeps in the exports bucket instead of its state, under two
 * prefixes: the plan's work lists (written by plan-run, read by the Distributed Maps' ItemReader)
 * and the Maps' result files (written by their ResultWriter, read by finish-run). The stack
 * grants each reader and writer only its prefix and expires both with lifecycle rules.
 */

/** Every prefix the nightly run writes under, with what writes and reads it. */
export const NIGHTLY_PREFIXES = {
  /** plan-run writes, Step Functions (ItemReader) reads. */
  plans: 'nightly/plans/',
  /** Step Functions (ResultWriter) writes, finish-run reads. */
  results: 'nightly/results/',
} as const;

/** Where the ResultWriter of each Distributed Map puts its result files (Step Functions adds `/<map run id>/`). */
export const RESULT_PREFIXES = {
  villages: `${NIGHTLY_PREFIXES.results}villages`,
  counties: `${NIGHTLY_PREFIXES.results}counties`,
} as const;

/** The plan's two work lists of a run: the village batches and the counties, one JSON array each. */
export function planKeys(runId: string): { readonly batches: string; readonly counties: string } {
  const folder = `${NIGHTLY_PREFIXES.plans}${encodeURIComponent(runId)}`;
  return { batches: `${folder}/batches.json`, counties: `${folder}/counties.json` };
}

/**
 * Where a run record keeps its whole list of failed villages when the list would crowd the run
 * item (DynamoDB's 400 KB): kept as long as the record, so outside the expiring prefixes.
 */
export const FAILURES_PREFIX = 'nightly/failures/';

/** The whole failed-villages list of a run. */
export const failuresKey = (runId: string) => `${FAILURES_PREFIX}${encodeURIComponent(runId)}.json`;
