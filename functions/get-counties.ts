import { listCountyNames } from '../src/use-cases/reading/county-overview.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /counties`: every stored county with its name. */
export const handler = httpHandler('get-counties', async () => ({ counties: await listCountyNames(stores) }));
