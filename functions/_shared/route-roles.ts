/*
 * Who may call which route: the one table that the local API (its SigV4 identities and its
 * console sessions) and the deployed IAM policies (infra/) both read, so the local check and IAM
 * cannot disagree. Plain data and pure functions, no imports: infra reaches it without loading
 * the handlers' schemas and use cases. Each route of functions/_shared/routes.ts has its row
 * here with the same method and path (test/functions/route-roles.test.ts fails otherwise).
 */

/** What a route does, which decides the IAM policies that reach it. */
export type RouteAccess = 'read' | 'evaluate' | 'administer';

/** One route as IAM sees it: `execute-api:Invoke` on its method and path. */
export interface RouteEntry {
  readonly method: 'GET' | 'POST';
  /** The API Gateway resource path, with `{name}` for path parameters. */
  readonly path: string;
  readonly access: RouteAccess;
}

/**
 * Every route of the API: `read` for the console's read routes (open to viewers), `evaluate`
 * for judging and re-scoring, `administer` for rule-set administration.
 */
export const ROUTE_TABLE = {
  'post-evaluation': { method: 'POST', path: '/evaluations', access: 'evaluate' },
  'post-village-re-evaluation': { method: 'POST', path: '/villages/{villageId}/re-evaluations', access: 'evaluate' },
  'get-verdicts': { method: 'GET', path: '/verdicts/{subjectType}/{subjectId}', access: 'read' },
  'get-rule-sets': { method: 'GET', path: '/rule-sets', access: 'administer' },
  'get-rule-set-versions': { method: 'GET', path: '/rule-sets/{ruleSetId}/versions', access: 'administer' },
  'post-rule-set-validation': { method: 'POST', path: '/rule-sets/{ruleSetId}/validations', access: 'administer' },
  'post-rule-set-version': { method: 'POST', path: '/rule-sets/{ruleSetId}/versions', access: 'administer' },
  'post-rule-set-rollback': { method: 'POST', path: '/rule-sets/{ruleSetId}/rollbacks', access: 'administer' },
  'get-runs': { method: 'GET', path: '/runs', access: 'read' },
  'get-run': { method: 'GET', path: '/runs/{runId}', access: 'read' },
  'get-counties': { method: 'GET', path: '/counties', access: 'read' },
  'get-county-overview': { method: 'GET', path: '/counties/{countyId}/quarters/{quarter}', access: 'read' },
  'get-village-households': { method: 'GET', path: '/villages/{villageId}/households', access: 'read' },
  'get-county-accountability': { method: 'GET', path: '/counties/{countyId}/quarters/{quarter}/accountability', access: 'read' },
  'get-unit-cards': { method: 'GET', path: '/units/{unitType}/{unitId}/cards', access: 'read' },
} as const satisfies Record<string, RouteEntry>;

export type RouteName = keyof typeof ROUTE_TABLE;

/**
 * The stack's invoke policies (infra/constructs/evaluation-api.ts), by the kinds of route each
 * reaches: the viewer policy reads, the invoke policy (a calling app's) reads and evaluates,
 * the policy-staff policy administers rule sets and nothing else.
 */
export const POLICIES = {
  viewer: ['read'],
  invoke: ['read', 'evaluate'],
  'policy-staff': ['administer'],
} as const satisfies Record<string, readonly RouteAccess[]>;

export type PolicyName = keyof typeof POLICIES;

/**
 * The roles and the policies each holds. A person signs into the console as viewer, policy
 * staff or approver (a Cognito group on AWS, a sign-in URL under `tuopin serve`); an evaluation
 * caller is an app. The approver approves rule-set changes, which comes with rule authoring;
 * until then it holds what policy staff hold.
 */
export const ROLE_POLICIES = {
  viewer: ['viewer'],
  'evaluation-caller': ['invoke'],
  'policy-staff': ['invoke', 'policy-staff'],
  approver: ['invoke', 'policy-staff'],
} as const satisfies Record<string, readonly PolicyName[]>;

export type Role = keyof typeof ROLE_POLICIES;

export const ROLES = Object.keys(ROLE_POLICIES) as Role[];

/** The roles a person signs into the console with (an evaluation caller is an app, not a person). */
export const CONSOLE_ROLES = ['viewer', 'policy-staff', 'approver'] as const satisfies readonly Role[];

/**
 * The signing identities of `tuopin serve`'s credentials file, each holding one of the stack's
 * policies as a deployed IAM principal would: an app team's role with the invoke policy, a
 * policy officer's with the policy-staff policy alone.
 */
export const SIGNING_IDENTITY_POLICIES = {
  evaluation: ['invoke'],
  'policy-staff': ['policy-staff'],
} as const satisfies Record<string, readonly PolicyName[]>;

export type SigningIdentityName = keyof typeof SIGNING_IDENTITY_POLICIES;

const ROUTE_NAMES = Object.keys(ROUTE_TABLE) as RouteName[];

/** True when the policy grants `execute-api:Invoke` on the route. */
export function policyMayCall(policy: PolicyName, name: RouteName): boolean {
  return (POLICIES[policy] as readonly RouteAccess[]).includes(ROUTE_TABLE[name].access);
}

const anyPolicyMayCall = (policies: readonly PolicyName[], name: RouteName) => policies.some((policy) => policyMayCall(policy, name));

export function roleMayCall(role: Role, name: RouteName): boolean {
  return anyPolicyMayCall(ROLE_POLICIES[role], name);
}

/** True when the local signing identity's IAM policy on AWS reaches the route. */
export function signingIdentityMayCall(identity: SigningIdentityName, name: RouteName): boolean {
  return anyPolicyMayCall(SIGNING_IDENTITY_POLICIES[identity], name);
}

/** The routes a role may call, in table order: the console's IAM role on AWS allows exactly these. */
export function routesOf(role: Role): RouteName[] {
  return ROUTE_NAMES.filter((name) => roleMayCall(role, name));
}

/** The routes a policy reaches, in table order. */
export function routesOfPolicy(policy: PolicyName): RouteName[] {
  return ROUTE_NAMES.filter((name) => policyMayCall(policy, name));
}

/** The route with this method and resource path, if the table has one. */
export function routeAt(method: string, path: string): RouteName | undefined {
  return ROUTE_NAMES.find((name) => ROUTE_TABLE[name].method === method && ROUTE_TABLE[name].path === path);
}

/** The resource part of an `execute-api` ARN for a route, path parameters as `*` (as API Gateway's method ARNs). */
export function invokeResourceOf(name: RouteName): string {
  const { method, path } = ROUTE_TABLE[name];
  return `${method}${path.replace(/\{[^}]+\}/g, '*')}`;
}
