import { countyAccountability } from '../src/use-cases/accountability/county-accountability.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /counties/{countyId}/quarters/{quarter}/accountability`: scores, cards and both lists. */
export const handler = httpHandler('get-county-accountability', async ({ params }) => countyAccountability(stores, params.countyId, params.quarter));
