import { countyTrends } from '../src/use-cases/county-trends.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /counties/{countyId}/quarters/{quarter}/trends`: the county's outcomes across the quarters that have runs. */
export const handler = httpHandler('get-county-trends', async ({ params }) => countyTrends(stores, params.countyId, params.quarter));
