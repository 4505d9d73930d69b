import { z } from 'zod';
import { QuarterSchema } from '../../src/kernel/quarter.js';
import type { RunOutcome } from '../../src/use-cases/nightly/finish-run.js';
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

/** finish-run: the run and what its stages returned, or the error that stopped it. */
export const FinishRunEventSchema = RunSchema.extend({
  startedAt: z.iso.datetime({ offset: true }),
  batchResults: z.array(z.unknown()).optional(),
  countyResults: z.array(z.unknown()).optional(),
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose().optional(),
});

export type FinishRunEvent = z.output<typeof FinishRunEventSchema>;

/** The run finish-run records: what the plan pinned, passed along by the state machine. */
export function pinnedRunOf(event: FinishRunEvent): PinnedRun {
  return { runId: event.runId, quarter: event.quarter, startedAt: event.startedAt, ruleSetVersions: event.ruleSetVersions };
}

/** Describes a stage failure as Step Functions reports it. */
const describe = (failure: { Error?: string | undefined; Cause?: string | undefined }) => [failure.Error ?? 'Error', failure.Cause].filter(Boolean).join(': ');

/**
 * What the stages returned, summed. A batch the Distributed Map tolerated as failed and a stage
 * that stopped the run have no village id: they are listed under `(batch)` and `(run)`, so the
 * run is `failed`.
 */
export function runOutcomeOf(event: FinishRunEvent): RunOutcome {
  const totals = emptyTotals();
  for (const entry of event.batchResults ?? []) {
    const batch = BatchResultSchema.safeParse(entry);
    if (batch.success) {
      totals.verdicts += batch.data.verdictWrites;
      totals.failedVillages.push(...batch.data.failed);
    } else {
      totals.failedVillages.push({ villageId: '(batch)', error: describe((entry ?? {}) as { Error?: string; Cause?: string }) });
    }
  }
  const countyIds: string[] = [];
  for (const entry of event.countyResults ?? []) {
    const county = CountyResultSchema.parse(entry);
    countyIds.push(county.countyId);
    totals.verdicts += county.aggregate.verdictWrites;
    totals.scores += county.accountability.scores;
    totals.cards += county.accountability.cards;
  }
  if (event.error) totals.failedVillages.push({ villageId: '(run)', error: describe(event.error) });
  return { totals, countyIds };
}
