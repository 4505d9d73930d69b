import { validateRuleSetDraft } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `POST /rule-sets/{ruleSetId}/validations`: the publish gate's report on a draft, nothing published. */
export const handler = httpHandler('post-rule-set-validation', async ({ params, body }) => validateRuleSetDraft(stores, params.ruleSetId, body));
