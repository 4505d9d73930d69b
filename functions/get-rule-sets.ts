import { listRuleSets } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /rule-sets`: every standard's versions and the one in force today (policy staff). */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('get-rule-sets', async () => ({ ruleSets: await listRuleSets(stores, clock().toISOString().slice(0, 10)) }), { telemetry });

export const handler = fromEnvironment(makeHandler);
