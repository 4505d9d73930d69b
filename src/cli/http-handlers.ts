import type { HttpHandler } from '../../functions/_shared/http-handler.js';
import type { RouteName } from '../../functions/_shared/routes.js';

/**
 * The Lambda handlers of the API, imported on demand: a handler reads its configuration when
 * its module loads, so `tuopin serve` sets the environment first and imports these after.
 */
const MODULES: Record<RouteName, () => Promise<{ handler: HttpHandler }>> = {
  'post-evaluation': () => import('../../functions/post-evaluation.js'),
  'post-village-re-evaluation': () => import('../../functions/post-village-re-evaluation.js'),
  'get-verdicts': () => import('../../functions/get-verdicts.js'),
  'get-rule-sets': () => import('../../functions/get-rule-sets.js'),
  'get-rule-set-versions': () => import('../../functions/get-rule-set-versions.js'),
  'post-rule-set-validation': () => import('../../functions/post-rule-set-validation.js'),
  'post-rule-set-version': () => import('../../functions/post-rule-set-version.js'),
  'post-rule-set-rollback': () => import('../../functions/post-rule-set-rollback.js'),
  'get-runs': () => import('../../functions/get-runs.js'),
  'get-run': () => import('../../functions/get-run.js'),
  'get-counties': () => import('../../functions/get-counties.js'),
  'get-county-overview': () => import('../../functions/get-county-overview.js'),
  'get-village-households': () => import('../../functions/get-village-households.js'),
  'get-county-accountability': () => import('../../functions/get-county-accountability.js'),
  'get-county-trends': () => import('../../functions/get-county-trends.js'),
  'get-county-report': () => import('../../functions/get-county-report.js'),
  'get-unit-cards': () => import('../../functions/get-unit-cards.js'),
};

/** Imports every API handler (after the functions' environment is set). */
export async function importApiHandlers(): Promise<Record<RouteName, HttpHandler>> {
  const entries = await Promise.all(Object.entries(MODULES).map(async ([name, load]) => [name, (await load()).handler] as const));
  return Object.fromEntries(entries) as Record<RouteName, HttpHandler>;
}
