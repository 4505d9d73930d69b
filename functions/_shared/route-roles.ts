import { ROUTE_TABLE, type RouteName, type Role } from './route-table.js';

// The roles are defined with the routes they may call (route-table.ts, which infra reads too).
export { CONSOLE_ROLES, ROLES, type Role } from './route-table.js';

/**
 * Who may call which route, read from the route table as the deployed IAM policies are
 * (infra/constructs/evaluation-api.ts): a route whose roles leave out evaluation callers is an
 * administration route, invoked under the policy-staff policy; every other route is on the
 * invoke policy. The local server checks the same lists.
 */
export function roleMayCall(role: Role, name: RouteName): boolean {
  const roles: readonly Role[] = ROUTE_TABLE[name].roles;
  return roles.includes(role);
}

/** The routes a role may call, for documentation and the sign-in banner. */
export function routesOf(role: Role): RouteName[] {
  return (Object.keys(ROUTE_TABLE) as RouteName[]).filter((name) => roleMayCall(role, name));
}
