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
const ADMINISTRATION = [
  'get-rule-sets',
  'get-rule-set-versions',
  'post-rule-set-validation',
  'post-rule-set-version',
  'post-rule-set-rollback',
  'get-rule-set-history',
  'get-rule-set-drafts',
  'post-rule-set-draft',
  'get-rule-set-draft',
  'get-rule-set-draft-report',
  'post-rule-set-draft-save',
  'post-rule-set-draft-case-run',
  'post-rule-set-draft-case-confirmation',
  'post-rule-set-draft-submission',
  'post-rule-set-draft-withdrawal',
  'get-household',
  'get-village',
];
/** Approving and rejecting a submitted draft: the approver's alone. */
const APPROVAL = ['post-rule-set-draft-approval', 'post-rule-set-draft-rejection'];
/** The routes that judge or re-score. */
const EVALUATION = ['post-evaluation', 'post-village-re-evaluation'];
const isAdmin = (name: RouteName) => ADMINISTRATION.includes(name);
const isApproval = (name: RouteName) => APPROVAL.includes(name);
const isRead = (name: RouteName) => !isAdmin(name) && !isApproval(name) && !EVALUATION.includes(name);

describe('the role table', () => {
  it('gives every route of routes.ts its method, its path and what it does', () => {
    expect(Object.keys(ROUTE_TABLE).sort()).toEqual([...names].sort());
    for (const name of names) {
      expect(ROUTE_TABLE[name], name).toMatchObject({ method: ROUTES[name].method, path: ROUTES[name].path, access: isAdmin(name) ? 'administer' : isApproval(name) ? 'approve' : isRead(name) ? 'read' : 'evaluate' });
    }
  });

  it('gives viewers the read routes only, evaluation callers every route but rule-set administration, policy staff every route but approval, approvers every route', () => {
    expect(routesOf('viewer')).toEqual(names.filter(isRead));
    expect(routesOf('viewer')).toEqual(expect.arrayContaining(['get-county-overview', 'get-verdicts']));
    expect(routesOf('evaluation-caller')).toEqual(names.filter((name) => !isAdmin(name) && !isApproval(name)));
    expect(routesOf('policy-staff')).toEqual(names.filter((name) => !isApproval(name)));
    expect(routesOf('approver')).toEqual(names);
    for (const name of [...ADMINISTRATION, ...APPROVAL] as RouteName[]) expect(roleMayCall('viewer', name), name).toBe(false);
    expect(roleMayCall('policy-staff', 'post-rule-set-draft-approval')).toBe(false);
    expect(roleMayCall('viewer', 'post-evaluation')).toBe(false);
    expect(roleMayCall('viewer', 'get-rule-sets')).toBe(false);
  });

  it('holds the local signing identities to their IAM policies: evaluation never administers, policy-staff only administers, the approver administers and approves', () => {
    for (const name of names) {
      expect(signingIdentityMayCall('evaluation', name), name).toBe(!isAdmin(name) && !isApproval(name));
      expect(signingIdentityMayCall('policy-staff', name), name).toBe(isAdmin(name));
      expect(signingIdentityMayCall('approver', name), name).toBe(isAdmin(name) || isApproval(name));
      for (const identity of ['evaluation', 'policy-staff', 'approver'] as const) expect(mayInvoke(identity, name)).toBe(signingIdentityMayCall(identity, name));
    }
  });

  it('lets each role reach exactly the union of its policies, and no policy reach nothing', () => {
    for (const policy of Object.keys(POLICIES) as (keyof typeof POLICIES)[]) expect(routesOfPolicy(policy).length).toBeGreaterThan(0);
    expect(new Set([...routesOfPolicy('invoke'), ...routesOfPolicy('policy-staff')])).toEqual(new Set(routesOf('policy-staff')));
    expect(new Set([...routesOfPolicy('invoke'), ...routesOfPolicy('policy-staff'), ...routesOfPolicy('approver')])).toEqual(new Set(routesOf('approver')));
    expect(routesOfPolicy('approver')).toEqual(['post-rule-set-draft-approval', 'post-rule-set-draft-rejection']);
    expect(CONSOLE_ROLES.every((role) => ROLES.includes(role))).toBe(true);
  });

  it('names a route’s ARN resource with path parameters as *', () => {
    expect(invokeResourceOf('get-unit-cards')).toBe('GET/units/*/*/cards');
    expect(invokeResourceOf('get-rule-sets')).toBe('GET/rule-sets');
  });
});
