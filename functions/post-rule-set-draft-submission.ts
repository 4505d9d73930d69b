import { submitDraftByCaller } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST …/drafts/{draftId}/submissions`: the author submits through the gate; a failing gate is an outcome (`refused`). */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-draft-submission', async ({ params, body, caller }) => submitDraftByCaller(stores, params, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
