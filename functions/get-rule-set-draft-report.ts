import { getDraftReportPage } from '../src/use-cases/rule-drafts/draft-admin.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';

/** `GET /rule-sets/{ruleSetId}/drafts/{draftId}/reports/{reportKey}`: a step's stored report, its changes a page at a time. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-rule-set-draft-report', async ({ params, query }) => getDraftReportPage(stores, params, query), { telemetry });

export const handler = fromEnvironment(makeHandler);
