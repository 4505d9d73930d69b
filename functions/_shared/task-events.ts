import { z } from 'zod';
import { QuarterSchema } from '../../src/kernel/quarter.js';

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
