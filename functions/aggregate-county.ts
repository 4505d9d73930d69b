import { aggregateCounty } from '../src/use-cases/nightly/aggregate-county.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { CountyEventSchema } from './_shared/task-events.js';
import { taskHandler } from './_shared/task-handler.js';

/** The roll-up of one county: judged from its villages' tallies made with the pinned versions. */
export const makeHandler = ({ stores, contexts, telemetry }: Clients) =>
  taskHandler('aggregate-county', CountyEventSchema, async ({ quarter, ruleSetVersions, countyId }) => ({
    countyId,
    verdictWrites: (await aggregateCounty(stores, await contexts.pinned(ruleSetVersions, quarter), countyId)).writes,
  }), { telemetry });

export const handler = fromEnvironment(makeHandler);
