import { confirmDraftCasesByCaller } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST …/drafts/{draftId}/case-confirmations`: the named cases take the draft's result as their expectation. */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-draft-case-confirmation', async ({ params, body, caller }) => confirmDraftCasesByCaller(stores, params, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
