/*
 * The API's routes as plain data: what the CDK stack deploys (one function per route, its IAM
 * policies), what the local server serves and what docs/openapi.json lists. This file imports
 * nothing, so infra can read it without loading a use case, zod or the AWS SDK;
 * functions/_shared/routes.ts adds each route's zod schemas to these entries.
 */

/**
 * What a route does, which decides the IAM policies that reach it (functions/_shared/route-roles.ts
 * maps policies to roles): `read` for the console's read routes, `evaluate` for judging and
 * re-scoring, `administer` for rule-set administration (drafting, submitting, history), `approve`
 * for approving or rejecting a submitted draft, which policy staff may not.
 */
export type RouteAccess = 'read' | 'evaluate' | 'administer' | 'approve';

/** One route of the API, without its schemas. */
export interface RouteEntry {
  readonly method: 'GET' | 'POST';
  /** The API Gateway resource path, with `{name}` for path parameters. */
  readonly path: string;
  readonly summary: string;
  /** The file that handles it, from the repository root: `functions/<route name>.ts`. */
  readonly entry: string;
  /** What it does, which decides who may call it (route-roles.ts). */
  readonly access: RouteAccess;
  /** The route honours an `Idempotency-Key` header: a retry with the same key replays the response. */
  readonly idempotencyKey?: boolean;
  /** The 200 body is a file of this media type (base64-encoded through API Gateway), not JSON. */
  readonly binary?: string;
}

/** The routes, keyed by the file in functions/ that handles each. */
export const ROUTE_TABLE = {
  'post-evaluation': {
    method: 'POST',
    path: '/evaluations',
    summary: 'Judge an inline household, or a stored household, village or county, by one standard',
    entry: 'functions/post-evaluation.ts',
    access: 'evaluate',
  },
  'post-village-re-evaluation': {
    method: 'POST',
    path: '/villages/{villageId}/re-evaluations',
    summary: "Re-score one village and its county's roll-up now",
    entry: 'functions/post-village-re-evaluation.ts',
    access: 'evaluate',
    idempotencyKey: true,
  },
  'get-verdicts': {
    method: 'GET',
    path: '/verdicts/{subjectType}/{subjectId}',
    summary: 'The latest verdicts of a subject, with their explanations',
    entry: 'functions/get-verdicts.ts',
    access: 'read',
  },
  'get-rule-sets': {
    method: 'GET',
    path: '/rule-sets',
    summary: "Every standard's published versions and the one in force today",
    entry: 'functions/get-rule-sets.ts',
    access: 'administer',
  },
  'get-rule-set-versions': {
    method: 'GET',
    path: '/rule-sets/{ruleSetId}/versions',
    summary: "A rule set's history: every version with author, note, time, content hash and content",
    entry: 'functions/get-rule-set-versions.ts',
    access: 'administer',
  },
  'post-rule-set-validation': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/validations',
    summary: 'Run the publish gate on a draft (schema, static checks, scenario cases, impact preview) without publishing',
    entry: 'functions/post-rule-set-validation.ts',
    access: 'administer',
  },
  'post-rule-set-version': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/versions',
    summary: 'Publish a draft in one step (create, submit and self-approve), only where the deployment allows self-approval; a draft that changes outcomes needs acceptImpact',
    entry: 'functions/post-rule-set-version.ts',
    access: 'administer',
  },
  'post-rule-set-rollback': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/rollbacks',
    summary: "Publish an earlier version's content as the next version in one step, only where the deployment allows self-approval",
    entry: 'functions/post-rule-set-rollback.ts',
    access: 'administer',
  },
  'get-rule-set-history': {
    method: 'GET',
    path: '/rule-sets/{ruleSetId}/history',
    summary: 'Every version (with its approval, diff to the version before, cases and impact as approved) and every draft with its steps',
    entry: 'functions/get-rule-set-history.ts',
    access: 'administer',
  },
  'get-rule-set-drafts': {
    method: 'GET',
    path: '/rule-sets/{ruleSetId}/drafts',
    summary: "A rule set's drafts, oldest first, with their status and steps",
    entry: 'functions/get-rule-set-drafts.ts',
    access: 'administer',
  },
  'post-rule-set-draft': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts',
    summary: 'Start a draft of the next version: from the version in force with its scenario cases, from another draft, or (rollbackTo) from an earlier version',
    entry: 'functions/post-rule-set-draft.ts',
    access: 'administer',
  },
  'get-rule-set-draft': {
    method: 'GET',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}',
    summary: 'One draft: content, cases, status and steps',
    entry: 'functions/get-rule-set-draft.ts',
    access: 'administer',
  },
  'get-rule-set-draft-report': {
    method: 'GET',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/reports/{reportKey}',
    summary: "A page of the report a draft's step keeps (reportKey is the step's reportRef.key): its summary and up to 1,000 of its changes from offset",
    entry: 'functions/get-rule-set-draft-report.ts',
    access: 'administer',
  },
  'post-rule-set-draft-save': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/saves',
    summary: "Save a draft's content and cases (its author, while it is a draft)",
    entry: 'functions/post-rule-set-draft-save.ts',
    access: 'administer',
  },
  'post-rule-set-draft-case-run': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/case-runs',
    summary: "Run a draft's scenario cases with the version in force and with the draft, side by side",
    entry: 'functions/post-rule-set-draft-case-run.ts',
    access: 'administer',
  },
  'post-rule-set-draft-case-confirmation': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/case-confirmations',
    summary: "Take the draft's result as the expectation of the named cases (or of every failing one)",
    entry: 'functions/post-rule-set-draft-case-confirmation.ts',
    access: 'administer',
  },
  'post-rule-set-draft-submission': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/submissions',
    summary: 'Submit a draft for approval through the gate (its author); the report and impact are stored with the step',
    entry: 'functions/post-rule-set-draft-submission.ts',
    access: 'administer',
  },
  'post-rule-set-draft-approval': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/approvals',
    summary: 'Approve a submitted draft (never its author): the gate runs again on the current population, then the draft is published',
    entry: 'functions/post-rule-set-draft-approval.ts',
    access: 'approve',
  },
  'post-rule-set-draft-rejection': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/rejections',
    summary: 'Reject a submitted draft, saying why',
    entry: 'functions/post-rule-set-draft-rejection.ts',
    access: 'approve',
  },
  'post-rule-set-draft-withdrawal': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/drafts/{draftId}/withdrawals',
    summary: 'Withdraw a draft or a submission (its author)',
    entry: 'functions/post-rule-set-draft-withdrawal.ts',
    access: 'administer',
  },
  'get-household': {
    method: 'GET',
    path: '/households/{householdId}',
    summary: "One household's record as stored (personal data), for policy staff adding a scenario case from it",
    entry: 'functions/get-household.ts',
    access: 'administer',
  },
  'get-village': {
    method: 'GET',
    path: '/villages/{villageId}',
    summary: "One village's record, its county's region and its households as stored (personal data), for policy staff adding a scenario case from it",
    entry: 'functions/get-village.ts',
    access: 'administer',
  },
  'get-runs': {
    method: 'GET',
    path: '/runs',
    summary: "A quarter's nightly runs, the latest first: status, timings, rule-set versions, writes and failed villages",
    entry: 'functions/get-runs.ts',
    access: 'read',
  },
  'get-run': {
    method: 'GET',
    path: '/runs/{runId}',
    summary: 'One nightly run',
    entry: 'functions/get-run.ts',
    access: 'read',
  },
  'get-counties': {
    method: 'GET',
    path: '/counties',
    summary: 'Every stored county with its name',
    entry: 'functions/get-counties.ts',
    access: 'read',
  },
  'get-county-overview': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}',
    summary: "A county's quarter: outcomes per standard, every village's outcome and failing items, the county's own items and figures",
    entry: 'functions/get-county-overview.ts',
    access: 'read',
  },
  'get-village-households': {
    method: 'GET',
    path: '/villages/{villageId}/households',
    summary: "A village's households with their verdicts and explanations for an assessment year",
    entry: 'functions/get-village-households.ts',
    access: 'read',
  },
  'get-county-accountability': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}/accountability',
    summary: "A county's quarter of accountability: units ranked by score with their indicators and cards, the interview and resignation lists",
    entry: 'functions/get-county-accountability.ts',
    access: 'read',
  },
  'get-county-trends': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}/trends',
    summary: "A county's outcomes per standard and deprivation measures in each of the 12 quarters up to this one that have a run",
    entry: 'functions/get-county-trends.ts',
    access: 'read',
  },
  'get-county-report': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}/report.xlsx',
    summary: "A county's report.xlsx of the quarter (Chinese sheets: villages, failing households, identification, return risk, scores, cards, lists), as tuopin export writes it",
    entry: 'functions/get-county-report.ts',
    access: 'read',
    binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'get-unit-cards': {
    method: 'GET',
    path: '/units/{unitType}/{unitId}/cards',
    summary: "A township's or assisting unit's cards across quarters",
    entry: 'functions/get-unit-cards.ts',
    access: 'read',
  },
} as const satisfies Record<string, RouteEntry>;

export type RouteName = keyof typeof ROUTE_TABLE;

/**
 * A rule-set administration or approval route: no evaluation caller may call it, so the stack
 * puts it under the policy-staff or approver policy (and gives it the gate's longer timeout)
 * rather than the invoke policy.
 */
export function isAdminRoute(route: Pick<RouteEntry, 'access'>): boolean {
  return route.access === 'administer' || route.access === 'approve';
}
