import { saveDraftByCaller } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST …/drafts/{draftId}/saves`: the draft's content and cases, by its author while it is a draft. */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-draft-save', async ({ params, body, caller }) => saveDraftByCaller(stores, params, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
