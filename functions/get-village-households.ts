import { villageHouseholds } from '../src/use-cases/reading/stored-verdicts.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /villages/{villageId}/households?year=`: a village's households with their verdicts. */
export const handler = httpHandler('get-village-households', async ({ params, query }) => villageHouseholds(stores, params.villageId, query.year));
