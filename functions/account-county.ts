import { accountCounty } from '../src/use-cases/nightly/account-county.js';
import { clients } from './_shared/clients.js';
import { CountyEventSchema } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

const { stores, contexts } = clients();

/** Accountability of one county for the quarter: unit scores, cards and lists. */
export const handler = taskHandler('account-county', CountyEventSchema, async ({ quarter, ruleSetVersions, countyId }) => ({
  countyId,
  ...(await accountCounty(stores, await contexts.pinned(ruleSetVersions, quarter), countyId)),
}));
