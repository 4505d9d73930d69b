import { villageHouseholds } from '../src/use-cases/reading/stored-verdicts.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /villages/{villageId}/households?year=`: a village's households with their verdicts. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-village-households', async ({ params, query }) => villageHouseholds(stores, params.villageId, query.year), { telemetry });

export const handler = fromEnvironment(makeHandler);
