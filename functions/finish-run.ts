import { clients } from './_shared/clients.js';
import { recordFinishedRun } from './_shared/nightly-steps.js';
import { FinishRunEventSchema } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

const { stores } = clients();

/** The last step: writes the run record (also on the failure path, with the error). */
export const handler = taskHandler('finish-run', FinishRunEventSchema, (event) => recordFinishedRun(stores, event, new Date()));
