import { countyTrends } from '../src/use-cases/reading/county-trends.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /counties/{countyId}/quarters/{quarter}/trends`: the county's outcomes across the quarters that have runs. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-county-trends', async ({ params }) => countyTrends(stores, params.countyId, params.quarter), { telemetry });

export const handler = fromEnvironment(makeHandler);
