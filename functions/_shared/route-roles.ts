import { ROUTES, type RouteName, type RouteSpec } from './routes.js';

/**
 * Who may call which route, read from the route specs as the deployed IAM policies are
 * (infra/constructs/evaluation-api.ts): a `read` route is open to viewers, every route that is
 * not `admin` to evaluation callers (the invoke policy), and the `admin` routes to policy staff
 * (the policy-staff policy, held beside the invoke policy). The approver approves rule-set
 * changes, which comes with rule authoring; until then it holds what policy staff hold.
 */
export const ROLES = ['viewer', 'evaluation-caller', 'policy-staff', 'approver'] as const;

export type Role = (typeof ROLES)[number];

/** The roles a person signs into the console with (an evaluation caller is an app, not a person). */
export const CONSOLE_ROLES = ['viewer', 'policy-staff', 'approver'] as const satisfies readonly Role[];

export function roleMayCall(role: Role, name: RouteName): boolean {
  const route: RouteSpec = ROUTES[name];
  switch (role) {
    case 'viewer':
      return route.read === true;
    case 'evaluation-caller':
      return route.admin !== true;
    case 'policy-staff':
    case 'approver':
      return true;
  }
}

/** The routes a role may call, for documentation and the sign-in banner. */
export function routesOf(role: Role): RouteName[] {
  return (Object.keys(ROUTES) as RouteName[]).filter((name) => roleMayCall(role, name));
}
