import { listDrafts } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /rule-sets/{ruleSetId}/drafts`: the rule set's drafts, oldest first. */
export const makeHandler = ({ stores, telemetry }: Clients) => httpHandler('get-rule-set-drafts', async ({ params }) => listDrafts(stores, params.ruleSetId), { telemetry });

export const handler = fromEnvironment(makeHandler);
