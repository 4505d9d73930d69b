import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roleMayCall, ROLES } from '../../functions/_shared/route-roles.js';
import { isAdminRoute, ROUTE_TABLE, type RouteName } from '../../functions/_shared/route-table.js';
import { ROUTES } from '../../functions/_shared/routes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const names = Object.keys(ROUTE_TABLE) as RouteName[];

describe('the route table infra deploys from', () => {
  it('names for each route the file in functions/ that handles it, and that file exists', () => {
    for (const name of names) {
      expect(ROUTE_TABLE[name].entry).toBe(`functions/${name}.ts`);
      expect(existsSync(`${ROOT}${ROUTE_TABLE[name].entry}`), ROUTE_TABLE[name].entry).toBe(true);
    }
  });

  it('is the list the schema-carrying routes are built on: the same names, each with its entry unchanged', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...names].sort());
    for (const name of names) expect(ROUTES[name]).toMatchObject(ROUTE_TABLE[name]);
  });

  it('gives every route at least one role, each a known one, and policy staff every route', () => {
    for (const name of names) {
      const roles = ROLES.filter((role) => roleMayCall(role, name));
      expect(roles.length, name).toBeGreaterThan(0);
      expect(roles, name).toContain(ROUTE_TABLE[name].access === 'approve' ? 'approver' : 'policy-staff');
    }
  });

  it('counts as administration exactly the rule-set routes and the household and village records cases are made from, which no evaluation caller or viewer may call', () => {
    expect(names.filter((name) => isAdminRoute(ROUTE_TABLE[name])).sort()).toEqual([
      'get-household',
      'get-rule-set-draft',
      'get-rule-set-draft-report',
      'get-rule-set-drafts',
      'get-rule-set-history',
      'get-rule-set-versions',
      'get-rule-sets',
      'get-village',
      'post-rule-set-draft',
      'post-rule-set-draft-approval',
      'post-rule-set-draft-case-confirmation',
      'post-rule-set-draft-case-run',
      'post-rule-set-draft-rejection',
      'post-rule-set-draft-save',
      'post-rule-set-draft-submission',
      'post-rule-set-draft-withdrawal',
      'post-rule-set-rollback',
      'post-rule-set-validation',
      'post-rule-set-version',
    ]);
  });

  it('has a unique method and path per route', () => {
    const keys = names.map((name) => `${ROUTE_TABLE[name].method} ${ROUTE_TABLE[name].path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
