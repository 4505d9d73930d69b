import { findRun } from '../src/use-cases/read-runs.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /runs/{runId}`: one nightly run. */
export const handler = httpHandler('get-run', async ({ params }) => findRun(stores.runs, params.runId));
