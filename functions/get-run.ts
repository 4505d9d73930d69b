import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';
import { findRun } from '../src/use-cases/nightly/run-record.js';
import { restoreFailedVillages } from '../src/use-cases/nightly/run-failures.js';

/** `GET /runs/{runId}`: one nightly run, its failed villages read back from the bucket when they left the item. */
export const makeHandler = ({ stores, nightlyObjects, telemetry }: Clients) =>
  httpHandler('get-run', async ({ params }) => restoreFailedVillages(await findRun(stores.runs, params.runId), nightlyObjects), { telemetry });

export const handler = fromEnvironment(makeHandler);
