import { withdrawDraftByCaller } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST …/drafts/{draftId}/withdrawals`: the author withdraws a draft or a submission. */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-draft-withdrawal', async ({ params, body, caller }) => withdrawDraftByCaller(stores, params, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
