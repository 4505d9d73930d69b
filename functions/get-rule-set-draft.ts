import { getDraft } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /rule-sets/{ruleSetId}/drafts/{draftId}`: one draft with its content, cases and steps. */
export const makeHandler = ({ stores, telemetry }: Clients) => httpHandler('get-rule-set-draft', async ({ params }) => getDraft(stores, params), { telemetry });

export const handler = fromEnvironment(makeHandler);
