import { countyOverview } from '../src/use-cases/reading/county-overview.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /counties/{countyId}/quarters/{quarter}`: the county leader's overview of a quarter. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-county-overview', async ({ params }) => countyOverview(stores, params.countyId, params.quarter), { telemetry });

export const handler = fromEnvironment(makeHandler);
