import { countyAccountability } from '../src/use-cases/accountability/county-accountability.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /counties/{countyId}/quarters/{quarter}/accountability`: scores, cards and both lists. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-county-accountability', async ({ params }) => countyAccountability(stores, params.countyId, params.quarter), { telemetry });

export const handler = fromEnvironment(makeHandler);
