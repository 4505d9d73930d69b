import { z } from 'zod';
import { QuarterSchema } from '../../src/kernel/quarter-schema.js';
import type { ObjectStore } from '../../src/ports/object-store.js';
import type { RunOutcome } from '../../src/use-cases/nightly/finish-run.js';
import { readMapResults, type MapResults } from '../../src/use-cases/nightly/run-objects.js';
import { emptyTotals, type PinnedRun } from '../../src/use-cases/nightly/run-record.js';

/** What the state machine passes into and between its tasks (see infra/constructs/nightly-pipeline.ts). */

const VersionsSchema = z.record(z.string(), z.int().positive());
const RunSchema = z.object({ runId: z.string().min(1), quarter: QuarterSchema, ruleSetVersions: VersionsSchema });

/** plan-run: the execution's input (from the schedule or a manual start) and its name and start time. */
export const PlanRunEventSchema = z.object({
  request: z.object({ quarter: QuarterSchema.optional(), scheduledTime: z.iso.datetime({ offset: true }).optional() }).loose(),
  runId: z.string().min(1),
  startedAt: z.iso.datetime({ offset: true }),
});

/** score-village-batch: one item of the Distributed Map. */
export const VillageBatchEventSchema = RunSchema.extend({ countyId: z.string().min(1), villageIds: z.array(z.string().min(1)).min(1) });

/** aggregate-county and account-county: one county of the roll-up Map. */
export const CountyEventSchema = RunSchema.extend({ countyId: z.string().min(1) });

/** A batch's result as the Distributed Map collects it. */
export const BatchResultSchema = z.object({
  villages: z.int(),
  households: z.int(),
  verdictWrites: z.int(),
  failed: z.array(z.object({ villageId: z.string(), error: z.string() })),
});

/** A county iteration's state after both roll-up tasks. */
export const CountyResultSchema = z.object({
  countyId: z.string(),
  aggregate: z.object({ verdictWrites: z.int() }),
  accountability: z.object({ scores: z.int(), cards: z.int() }),
});

/** A Distributed Map's output: its ResultWriter's manifest (see src/use-cases/nightly/run-objects.ts). */
const MapResultPointerSchema = z.object({ ResultWriterDetails: z.object({ Bucket: z.string().min(1), Key: z.string().min(1) }) }).loose();

/** finish-run: the run and where its stages' results are, or the error that stopped it. */
export const FinishRunEventSchema = RunSchema.extend({
  startedAt: z.iso.datetime({ offset: true }),
  batchResults: MapResultPointerSchema.optional(),
  countyResults: MapResultPointerSchema.optional(),
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose().optional(),
});

export type FinishRunEvent = z.output<typeof FinishRunEventSchema>;

/** The run finish-run records: what the plan pinned, passed along by the state machine. */
export function pinnedRunOf(event: FinishRunEvent): PinnedRun {
  return { runId: event.runId, quarter: event.quarter, startedAt: event.startedAt, ruleSetVersions: event.ruleSetVersions };
}

/** Describes a stage failure as Step Functions reports it. */
const describe = (failure: { Error?: string | undefined; Cause?: string | undefined }) => [failure.Error ?? 'Error', failure.Cause].filter(Boolean).join(': ');

/** What the two Distributed Maps returned, read from their result files, and the error that stopped the run. */
export interface StageResults {
  readonly batches: MapResults | null;
  readonly counties: MapResults | null;
  readonly error?: { Error?: string | undefined; Cause?: string | undefined } | undefined;
}

/** Reads the Maps' result files the event points to. */
export async function stageResultsOf(objects: ObjectStore, event: FinishRunEvent): Promise<StageResults> {
  return {
    batches: event.batchResults ? await readMapResults(objects, event.batchResults) : null,
    counties: event.countyResults ? await readMapResults(objects, event.countyResults) : null,
    error: event.error,
  };
}

/**
 * What the stages returned, summed. A batch the Distributed Map tolerated as failed and a stage
 * that stopped the run have no village id: they are listed under `(batch)` and `(run)`, so the
 * run is `failed`.
 */
export function runOutcomeOf(results: StageResults): RunOutcome {
  const totals = emptyTotals();
  for (const entry of results.batches?.outputs ?? []) {
    const batch = BatchResultSchema.parse(entry);
    totals.verdicts += batch.verdictWrites;
    totals.failedVillages.push(...batch.failed);
  }
  for (const failure of results.batches?.failures ?? []) totals.failedVillages.push({ villageId: '(batch)', error: describe(failure) });
  const countyIds: string[] = [];
  for (const entry of results.counties?.outputs ?? []) {
    const county = CountyResultSchema.parse(entry);
    countyIds.push(county.countyId);
    totals.verdicts += county.aggregate.verdictWrites;
    totals.scores += county.accountability.scores;
    totals.cards += county.accountability.cards;
  }
  // Result files list children in no set order: the record lists counties and failures sorted.
  countyIds.sort();
  totals.failedVillages.sort((a, b) => (a.villageId < b.villageId ? -1 : a.villageId > b.villageId ? 1 : 0));
  if (results.error) totals.failedVillages.push({ villageId: '(run)', error: describe(results.error) });
  return { totals, countyIds };
}
