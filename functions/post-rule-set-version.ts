import { publishRuleSetDraft } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/**
 * `POST /rule-sets/{ruleSetId}/versions`: publishes a draft through the gate. A refused draft is
 * an outcome (`status: "refused"` with the report), a lost race a 409 RULE_SET_CONFLICT. The
 * author recorded is the IAM principal that signed the request.
 */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-version', async ({ params, body, caller }) => publishRuleSetDraft(stores, params.ruleSetId, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
