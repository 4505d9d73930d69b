import { fromEnvironment, type Clients } from './_shared/clients.js';
import { quarterOf } from '../src/kernel/quarter.js';
import { startPlannedRun } from '../src/use-cases/nightly/plan-run.js';
import { PlanRunEventSchema } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

/**
 * Step 1 of the nightly run: pins the rule-set versions and writes the batches to the bucket. The quarter is
 * the input's, or that of the scheduled (else actual) start on the schedule's wall clock.
 */
export const makeHandler = ({ stores, latestRuleSets, nightlyObjects, config, telemetry }: Clients) =>
  taskHandler('plan-run', PlanRunEventSchema, ({ request, runId, startedAt }) =>
    startPlannedRun(stores, latestRuleSets, nightlyObjects(), {
      runId,
      startedAt,
      quarter: request.quarter ?? quarterOf(new Date(request.scheduledTime ?? startedAt), config.RUN_TIME_ZONE),
      batchSize: config.RUN_BATCH_SIZE,
    }),
    { telemetry },
  );

export const handler = fromEnvironment(makeHandler);
