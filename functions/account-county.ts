import { accountCounty } from '../src/use-cases/nightly/account-county.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { CountyEventSchema } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

/** Accountability of one county for the quarter: unit scores, cards and lists. */
export const makeHandler = ({ stores, contexts, telemetry }: Clients) =>
  taskHandler('account-county', CountyEventSchema, async ({ quarter, ruleSetVersions, countyId }) => ({
    countyId,
    ...(await accountCounty(stores, await contexts.pinned(ruleSetVersions, quarter), countyId)),
  }), { telemetry });

export const handler = fromEnvironment(makeHandler);
