import { RuleSetNotFoundError } from '../src/engine/errors.js';
import { ruleSetHistory } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /rule-sets/{ruleSetId}/versions`: the history of a rule set (policy staff). */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-rule-set-versions', async ({ params }) => {
    const versions = await ruleSetHistory(stores, params.ruleSetId);
    if (versions.length === 0) throw new RuleSetNotFoundError(params.ruleSetId, 'no version is published');
    return { ruleSetId: params.ruleSetId, versions };
  }, { telemetry });

export const handler = fromEnvironment(makeHandler);
