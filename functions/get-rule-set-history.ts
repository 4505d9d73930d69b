import { ruleSetLifecycleHistory } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /rule-sets/{ruleSetId}/history`: every version with its approval, diff, cases and impact as approved, and every draft with its steps. */
export const makeHandler = ({ stores, telemetry }: Clients) => httpHandler('get-rule-set-history', async ({ params }) => ruleSetLifecycleHistory(stores, params.ruleSetId), { telemetry });

export const handler = fromEnvironment(makeHandler);
