import { validateRuleSetDraft } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST /rule-sets/{ruleSetId}/validations`: the publish gate's report on a draft, nothing published. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('post-rule-set-validation', async ({ params, body }) => validateRuleSetDraft(stores, params.ruleSetId, body), { telemetry });

export const handler = fromEnvironment(makeHandler);
