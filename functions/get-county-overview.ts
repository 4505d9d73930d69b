import { countyOverview } from '../src/use-cases/reading/county-overview.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /counties/{countyId}/quarters/{quarter}`: the county leader's overview of a quarter. */
export const handler = httpHandler('get-county-overview', async ({ params }) => countyOverview(stores, params.countyId, params.quarter));
