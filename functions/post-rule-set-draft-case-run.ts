import { runDraftCases } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST …/drafts/{draftId}/case-runs`: the draft's cases with the version in force and with the draft, side by side. */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-draft-case-run', async ({ params, body, caller }) => runDraftCases(stores, params, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
