import { householdRecord } from '../src/use-cases/reading/household-record.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /households/{householdId}`: one household's record as stored, for policy staff turning it into a case. */
export const makeHandler = ({ stores, telemetry }: Clients) => httpHandler('get-household', async ({ params }) => householdRecord(stores.records, params.householdId), { telemetry });

export const handler = fromEnvironment(makeHandler);
