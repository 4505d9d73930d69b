import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';
import { listQuarterRuns } from '../src/use-cases/nightly/run-record.js';
import { restoreFailedVillages } from '../src/use-cases/nightly/run-failures.js';

/** `GET /runs?quarter=`: a quarter's nightly runs, the latest first, each with its whole list of failed villages. */
export const makeHandler = ({ stores, nightlyObjects, telemetry }: Clients) =>
  httpHandler(
    'get-runs',
    async ({ query }) => {
      const runs = await listQuarterRuns(stores.runs, query.quarter);
      return { quarter: query.quarter, runs: await Promise.all(runs.map((run) => restoreFailedVillages(run, nightlyObjects))) };
    },
    { telemetry },
  );

export const handler = fromEnvironment(makeHandler);
