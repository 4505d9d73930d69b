import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';
import { findRun } from '../src/use-cases/nightly/run-record.js';

/** `GET /runs/{runId}`: one nightly run. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-run', async ({ params }) => findRun(stores.runs, params.runId), { telemetry });

export const handler = fromEnvironment(makeHandler);
