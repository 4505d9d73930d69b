import { listCountyNames } from '../src/use-cases/reading/county-overview.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /counties`: every stored county with its name. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-counties', async () => ({ counties: await listCountyNames(stores) }), { telemetry });

export const handler = fromEnvironment(makeHandler);
