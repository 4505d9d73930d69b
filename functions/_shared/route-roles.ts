/*
 * Who may call which route: the one table that the local API (its SigV4 identities and its
 * console sessions) and the deployed IAM policies (infra/) both read, so the local check and IAM
 * cannot disagree. Plain data and pure functions over the plain route table: infra reaches it without loading
 * the handlers' schemas and use cases. Each route of functions/_shared/routes.ts has its row
 * in route-table.ts with what it does (`access`); this file says which policies reach which access.
 */

import { ROUTE_TABLE, type RouteAccess, type RouteName } from './route-table.js';

export { ROUTE_TABLE, type RouteAccess, type RouteName } from './route-table.js';

/**
 * The stack's invoke policies (infra/constructs/evaluation-api.ts), by the kinds of route each
 * reaches: the viewer policy reads, the invoke policy (a calling app's) reads and evaluates,
 * the policy-staff policy administers rule sets and nothing else, the approver policy approves
 * or rejects submitted drafts and nothing else.
 */
export const POLICIES = {
  viewer: ['read'],
  invoke: ['read', 'evaluate'],
  'policy-staff': ['administer'],
  approver: ['approve'],
} as const satisfies Record<string, readonly RouteAccess[]>;

export type PolicyName = keyof typeof POLICIES;

/**
 * The roles and the policies each holds. A person signs into the console as viewer, policy
 * staff or approver (a Cognito group on AWS, a sign-in URL under `tuopin serve`); an evaluation
 * caller is an app. The approver reads drafts, their cases and impact as policy staff do, and
 * alone approves or rejects them; policy staff author and submit.
 */
export const ROLE_POLICIES = {
  viewer: ['viewer'],
  'evaluation-caller': ['invoke'],
  'policy-staff': ['invoke', 'policy-staff'],
  approver: ['invoke', 'policy-staff', 'approver'],
} as const satisfies Record<string, readonly PolicyName[]>;

export type Role = keyof typeof ROLE_POLICIES;

export const ROLES = Object.keys(ROLE_POLICIES) as Role[];

/** The roles a person signs into the console with (an evaluation caller is an app, not a person). */
export const CONSOLE_ROLES = ['viewer', 'policy-staff', 'approver'] as const satisfies readonly Role[];

/**
 * The signing identities of `tuopin serve`'s credentials file, each holding the stack's
 * policies as a deployed IAM principal would: an app team's role with the invoke policy, a
 * policy officer's with the policy-staff policy alone, an approver's with the policy-staff and
 * approver policies — a second person, so a draft signed by one is approved by the other.
 */
export const SIGNING_IDENTITY_POLICIES = {
  evaluation: ['invoke'],
  'policy-staff': ['policy-staff'],
  approver: ['policy-staff', 'approver'],
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

/** The resource part of an `execute-api` ARN for a route, path parameters as `*` (as API Gateway's method ARNs). */
export function invokeResourceOf(name: RouteName): string {
  const { method, path } = ROUTE_TABLE[name];
  return `${method}${path.replace(/\{[^}]+\}/g, '*')}`;
}
