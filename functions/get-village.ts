import { villageRecord } from '../src/use-cases/reading/village-record.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /villages/{villageId}`: one village's record, its county's region and its households as stored, for policy staff turning it into a case. */
export const makeHandler = ({ stores, telemetry }: Clients) => httpHandler('get-village', async ({ params }) => villageRecord(stores.records, params.villageId), { telemetry });

export const handler = fromEnvironment(makeHandler);
