import { unitCardHistory } from '../src/use-cases/accountability/county-accountability.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /units/{unitType}/{unitId}/cards`: a unit's card history across quarters. */
export const handler = httpHandler('get-unit-cards', async ({ params }) => ({
  unitType: params.unitType,
  unitId: params.unitId,
  cards: await unitCardHistory(stores, params.unitType, params.unitId),
}));
