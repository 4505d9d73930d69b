import { describe, expect, it } from 'vitest';
import {
  CONSOLE_ROLES,
  POLICIES,
  ROLES,
  ROUTE_TABLE,
  invokeResourceOf,
  roleMayCall,
  routesOf,
  routesOfPolicy,
  signingIdentityMayCall,
  type RouteName,
} from '../../functions/_shared/route-roles.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { mayInvoke } from '../../src/cli/serve/credentials.js';

const names = Object.keys(ROUTES) as RouteName[];
/** The rule-set administration routes, written out so the table cannot drift from them silently. */
const ADMINISTRATION = ['get-rule-sets', 'get-rule-set-versions', 'post-rule-set-validation', 'post-rule-set-version', 'post-rule-set-rollback'];
/** The routes that judge or re-score. */
const EVALUATION = ['post-evaluation', 'post-village-re-evaluation'];
const isAdmin = (name: RouteName) => ADMINISTRATION.includes(name);
const isRead = (name: RouteName) => !isAdmin(name) && !EVALUATION.includes(name);

describe('the role table', () => {
  it('gives every route of routes.ts its method, its path and what it does', () => {
    expect(Object.keys(ROUTE_TABLE).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(ROUTE_TABLE[name], name).toMatchObject({ method: ROUTES[name].method, path: ROUTES[name].path, access: isAdmin(name) ? 'administer' : isRead(name) ? 'read' : 'evaluate' });
    }
  });

  it('gives viewers the read routes only, evaluation callers every route but rule-set administration, policy staff and approvers every route', () => {
    expect(routesOf('viewer')).toEqual(names.filter(isRead));
    expect(routesOf('viewer')).toEqual(expect.arrayContaining(['get-county-overview', 'get-verdicts']));
    expect(routesOf('evaluation-caller')).toEqual(names.filter((name) => !isAdmin(name)));
    expect(routesOf('policy-staff')).toEqual(names);
    expect(routesOf('approver')).toEqual(names);
    expect(roleMayCall('viewer', 'post-evaluation')).toBe(false);
    expect(roleMayCall('viewer', 'get-rule-sets')).toBe(false);
  });

  it('holds the local signing identities to their one IAM policy: evaluation never administers, policy-staff only administers', () => {
    for (const name of names) {
      expect(signingIdentityMayCall('evaluation', name), name).toBe(!isAdmin(name));
      expect(signingIdentityMayCall('policy-staff', name), name).toBe(isAdmin(name));
      expect(mayInvoke('evaluation', name)).toBe(signingIdentityMayCall('evaluation', name));
      expect(mayInvoke('policy-staff', name)).toBe(signingIdentityMayCall('policy-staff', name));
    }
  });

  it('lets each role reach exactly the union of its policies, and no policy reach nothing', () => {
    for (const policy of Object.keys(POLICIES) as (keyof typeof POLICIES)[]) expect(routesOfPolicy(policy).length).toBeGreaterThan(0);
    expect(new Set([...routesOfPolicy('invoke'), ...routesOfPolicy('policy-staff')])).toEqual(new Set(routesOf('policy-staff')));
    expect(CONSOLE_ROLES.every((role) => ROLES.includes(role))).toBe(true);
  });

  it('names a route’s ARN resource with path parameters as *', () => {
    expect(invokeResourceOf('get-unit-cards')).toBe('GET/units/*/*/cards');
    expect(invokeResourceOf('get-rule-sets')).toBe('GET/rule-sets');
  });
});
