import { approveDraftByCaller } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/**
 * `POST …/drafts/{draftId}/approvals`: an approver (never the author: 403 SELF_APPROVAL_REFUSED)
 * approves; the gate runs again and the draft is published. A racing approval gets 409 DRAFT_STATE.
 */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-draft-approval', async ({ params, body, caller }) => approveDraftByCaller(stores, params, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
