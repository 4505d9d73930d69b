import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';
import { listQuarterRuns } from '../src/use-cases/nightly/run-record.js';

/** `GET /runs?quarter=`: a quarter's nightly runs, the latest first. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-runs', async ({ query }) => ({ quarter: query.quarter, runs: await listQuarterRuns(stores.runs, query.quarter) }), { telemetry });

export const handler = fromEnvironment(makeHandler);
