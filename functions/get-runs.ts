import { listQuarterRuns } from '../src/use-cases/read-runs.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /runs?quarter=`: a quarter's nightly runs, the latest first. */
export const handler = httpHandler('get-runs', async ({ query }) => ({ quarter: query.quarter, runs: await listQuarterRuns(stores.runs, query.quarter) }));
