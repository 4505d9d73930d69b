import { finishRun } from '../src/use-cases/nightly/finish-run.js';
import { clients } from './_shared/clients.js';
import { FinishRunEventSchema, pinnedRunOf, runOutcomeOf } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

const { stores } = clients();

/** The last step: writes the run record (also on the failure path, with the error). */
export const handler = taskHandler('finish-run', FinishRunEventSchema, (event) => finishRun(stores, pinnedRunOf(event), runOutcomeOf(event), new Date()));
