import type { Clients } from '../../../functions/_shared/clients.js';
import type { HttpHandler } from '../../../functions/_shared/http-handler.js';
import type { RouteName } from '../../../functions/_shared/routes.js';

/**
 * The Lambda handlers of the API, imported on demand (the AWS SDK and the handlers load only
 * when `serve` starts) and built with the clients `serve` gives them, never the environment.
 */
const MODULES: Record<RouteName, () => Promise<{ makeHandler: (clients: Clients) => HttpHandler }>> = {
  'post-evaluation': () => import('../../../functions/post-evaluation.js'),
  'post-village-re-evaluation': () => import('../../../functions/post-village-re-evaluation.js'),
  'get-verdicts': () => import('../../../functions/get-verdicts.js'),
  'get-rule-sets': () => import('../../../functions/get-rule-sets.js'),
  'get-rule-set-versions': () => import('../../../functions/get-rule-set-versions.js'),
  'post-rule-set-validation': () => import('../../../functions/post-rule-set-validation.js'),
  'post-rule-set-version': () => import('../../../functions/post-rule-set-version.js'),
  'post-rule-set-rollback': () => import('../../../functions/post-rule-set-rollback.js'),
  'get-rule-set-history': () => import('../../../functions/get-rule-set-history.js'),
  'get-rule-set-drafts': () => import('../../../functions/get-rule-set-drafts.js'),
  'get-rule-set-draft-report': () => import('../../../functions/get-rule-set-draft-report.js'),
  'post-rule-set-draft': () => import('../../../functions/post-rule-set-draft.js'),
  'get-rule-set-draft': () => import('../../../functions/get-rule-set-draft.js'),
  'post-rule-set-draft-save': () => import('../../../functions/post-rule-set-draft-save.js'),
  'post-rule-set-draft-case-run': () => import('../../../functions/post-rule-set-draft-case-run.js'),
  'post-rule-set-draft-case-confirmation': () => import('../../../functions/post-rule-set-draft-case-confirmation.js'),
  'post-rule-set-draft-submission': () => import('../../../functions/post-rule-set-draft-submission.js'),
  'post-rule-set-draft-approval': () => import('../../../functions/post-rule-set-draft-approval.js'),
  'post-rule-set-draft-rejection': () => import('../../../functions/post-rule-set-draft-rejection.js'),
  'post-rule-set-draft-withdrawal': () => import('../../../functions/post-rule-set-draft-withdrawal.js'),
  'get-runs': () => import('../../../functions/get-runs.js'),
  'get-run': () => import('../../../functions/get-run.js'),
  'get-counties': () => import('../../../functions/get-counties.js'),
  'get-county-overview': () => import('../../../functions/get-county-overview.js'),
  'get-village-households': () => import('../../../functions/get-village-households.js'),
  'get-county-accountability': () => import('../../../functions/get-county-accountability.js'),
  'get-unit-cards': () => import('../../../functions/get-unit-cards.js'),
  'get-household': () => import('../../../functions/get-household.js'),
  'get-village': () => import('../../../functions/get-village.js'),
  'get-county-trends': () => import('../../../functions/get-county-trends.js'),
  'get-county-report': () => import('../../../functions/get-county-report.js'),
};

/** Every API handler, built with these clients. */
export async function importApiHandlers(clients: Clients): Promise<Record<RouteName, HttpHandler>> {
  const entries = await Promise.all(Object.entries(MODULES).map(async ([name, load]) => [name, (await load()).makeHandler(clients)] as const));
  return Object.fromEntries(entries) as Record<RouteName, HttpHandler>;
}
