import { finishRun } from '../src/use-cases/nightly/finish-run.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { FinishRunEventSchema, pinnedRunOf, runOutcomeOf, stageResultsOf } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

/**
 * The last step: sums the Maps' result files and writes the run record (also on the failure path,
 * with the error); a long list of failed villages goes to the bucket.
 */
export const makeHandler = ({ stores, clock, nightlyObjects, telemetry }: Clients) =>
  taskHandler(
    'finish-run',
    FinishRunEventSchema,
    async (event) => finishRun(stores, pinnedRunOf(event), runOutcomeOf(await stageResultsOf(nightlyObjects(), event)), clock(), { failures: nightlyObjects() }),
    { telemetry },
  );

export const handler = fromEnvironment(makeHandler);
