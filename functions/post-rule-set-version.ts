import { publishRuleSetDraft } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/**
 * `POST /rule-sets/{ruleSetId}/versions`: publishes a draft through the gate. A refused draft is
 * an outcome (`status: "refused"` with the report), a lost race a 409 RULE_SET_CONFLICT. The
 * author recorded is the IAM principal that signed the request.
 */
export const handler = httpHandler('post-rule-set-version', async ({ params, body, caller }) => publishRuleSetDraft(stores, params.ruleSetId, body, caller, new Date()));
