import { finishRun } from '../src/use-cases/nightly/finish-run.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { FinishRunEventSchema, pinnedRunOf, runOutcomeOf } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

/** The last step: writes the run record (also on the failure path, with the error). */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  taskHandler('finish-run', FinishRunEventSchema, (event) => finishRun(stores, pinnedRunOf(event), runOutcomeOf(event), clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
