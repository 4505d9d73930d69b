import { rollBackRuleSet } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `POST /rule-sets/{ruleSetId}/rollbacks`: publishes version `to`'s content as the next version, through the gate, by the signing IAM principal. */
export const makeHandler = ({ stores, clock, telemetry }: Clients) =>
  httpHandler('post-rule-set-rollback', async ({ params, body, caller }) => rollBackRuleSet(stores, params.ruleSetId, body, caller, clock()), { telemetry });

export const handler = fromEnvironment(makeHandler);
