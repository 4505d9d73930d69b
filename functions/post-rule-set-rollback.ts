import { rollBackRuleSet } from '../src/use-cases/rule-publishing/rule-set-admin.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

const { stores } = clients();

/** `POST /rule-sets/{ruleSetId}/rollbacks`: publishes version `to`'s content as the next version, through the gate, by the signing IAM principal. */
export const handler = httpHandler('post-rule-set-rollback', async ({ params, body, caller }) => rollBackRuleSet(stores, params.ruleSetId, body, caller, new Date()));
