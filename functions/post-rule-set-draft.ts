import { createDraftByCaller } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST /rule-sets/{ruleSetId}/drafts`: a new draft by the signing principal, with the cases of the version in force carried over. */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-draft', async ({ params, body, caller }) => createDraftByCaller(stores, params.ruleSetId, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
