import { listRuleSets } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `GET /rule-sets`: every standard's versions and the one in force today (policy staff). */
export const handler = httpHandler('get-rule-sets', async () => ({ ruleSets: await listRuleSets(stores, new Date().toISOString().slice(0, 10)) }));
