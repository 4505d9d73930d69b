import { unitCardHistory } from '../src/use-cases/accountability/county-accountability.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /units/{unitType}/{unitId}/cards`: a unit's card history across quarters. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-unit-cards', async ({ params }) => ({
    unitType: params.unitType,
    unitId: params.unitId,
    cards: await unitCardHistory(stores, params.unitType, params.unitId),
  }), { telemetry });

export const handler = fromEnvironment(makeHandler);
