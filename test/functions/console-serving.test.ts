import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roleMayCall, routesOf } from '../../functions/_shared/route-roles.js';
import { LocalSessions, SessionInvalidError, signOutResponse } from '../../src/cli/serve/session.js';
import { staticFile } from '../../src/cli/serve/static.js';
import { serveCommand } from '../../src/cli/serve/serve-command.js';

const requestWith = (cookie?: string) => ({ headers: cookie ? { cookie } : {} }) as IncomingMessage;
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('console sessions', () => {
  it('trade a token once for a session of its role, which expires', () => {
    let now = 0;
    const sessions = new LocalSessions(() => now);
    const token = sessions.mintToken('viewer');
    const first = sessions.signIn(token)!;
    expect(first.setCookie).toMatch(/^tuopin_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    expect(sessions.signIn(token)).toBeNull();
    const cookie = first.setCookie.split(';')[0]!;
    expect(sessions.identityOfSession(requestWith(`theme=dark; ${cookie}`))).toEqual({ role: 'viewer' });
    expect(sessions.identityOfSession(requestWith())).toBeNull();
    expect(() => sessions.identityOfSession(requestWith('tuopin_session=forged'))).toThrow(SessionInvalidError);
    now = 13 * 60 * 60 * 1000;
    expect(() => sessions.identityOfSession(requestWith(cookie))).toThrow(SessionInvalidError);
  });

  it('end at sign-out: the session is forgotten and the cookie cleared, other sessions untouched', () => {
    const sessions = new LocalSessions(() => 0);
    const mine = sessions.signIn(sessions.mintToken('viewer'))!.setCookie.split(';')[0]!;
    const theirs = sessions.signIn(sessions.mintToken('approver'))!.setCookie.split(';')[0]!;
    const out = signOutResponse(sessions, requestWith(mine));
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toBe('tuopin_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    expect(() => sessions.identityOfSession(requestWith(mine))).toThrow(SessionInvalidError);
    expect(sessions.identityOfSession(requestWith(theirs))).toEqual({ role: 'approver' });
    expect(signOutResponse(sessions, requestWith()).status).toBe(204);
  });

  it('hold each role to the routes of its IAM policy: viewers read, evaluation callers also evaluate, policy staff also administer rule sets', () => {
    expect(routesOf('viewer')).toEqual(expect.arrayContaining(['get-county-overview', 'get-verdicts']));
    expect(roleMayCall('viewer', 'post-evaluation')).toBe(false);
    expect(roleMayCall('viewer', 'get-rule-sets')).toBe(false);
    expect(roleMayCall('evaluation-caller', 'post-village-re-evaluation')).toBe(true);
    expect(roleMayCall('evaluation-caller', 'get-rule-sets')).toBe(false);
    expect(roleMayCall('policy-staff', 'post-rule-set-version')).toBe(true);
  });
});

describe('console files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tuopin-dist-'));
    dirs.push(dir);
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(join(dir, '..', 'secret.txt'), 'outside').catch(() => undefined);
  });

  it('are served with their content type and security headers, hashed assets cached for good', async () => {
    const script = await staticFile(dir, '/assets/index-abc.js');
    expect(script.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
    const index = await staticFile(dir, '/');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it("answer the console's own paths with index.html, a missing asset with 404, and nothing outside the folder", async () => {
    expect(String((await staticFile(dir, '/villages/V-1')).body)).toContain('<title>console</title>');
    expect((await staticFile(dir, '/assets/gone.js')).status).toBe(404);
    expect(String((await staticFile(dir, '/../secret.txt')).body)).not.toContain('outside');
    expect(String((await staticFile(dir, '/%2e%2e/secret.txt')).body)).not.toContain('outside');
  });
});

describe('tuopin serve with the console', () => {
  it('prints a one-time sign-in URL per role, whose cookie the API honours per route', async () => {
    const db = await mkdtemp(join(tmpdir(), 'tuopin-serve-'));
    dirs.push(db);
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    const stop = new AbortController();
    let listening!: (url: string, signIn: Record<string, string>) => void;
    const ready = new Promise<{ url: string; signIn: Record<string, string> }>((resolve) => (listening = (url, signIn) => resolve({ url, signIn })));
    const exit = serveCommand(['--port', '0', '--db', db], { signal: stop.signal, onListening: listening });
    try {
      const { url, signIn } = await ready;
      expect(Object.keys(signIn).sort()).toEqual(['approver', 'policy-staff', 'viewer']);
      for (const link of Object.values(signIn)) expect(printed.join('')).toContain(link);
      const signedIn = await fetch(signIn.viewer!, { redirect: 'manual' });
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe('/');
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(signIn.viewer!, { redirect: 'manual' })).status).toBe(403);

      const asViewer = (path: string) => fetch(`${url}${path}`, { headers: { cookie } });
      expect((await asViewer('/counties')).status).toBe(200);
      const refused = await asViewer('/rule-sets');
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ROLE_FORBIDDEN');
      expect((await fetch(`${url}/counties`, { headers: { cookie: 'tuopin_session=forged' } })).status).toBe(401);

      const staff = (await fetch(signIn['policy-staff']!, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`${url}/rule-sets`, { headers: { cookie: staff } })).status).toBe(200);

      // The rule-draft routes: no viewer reaches them; policy staff draft and submit; only the
      // approver, signed in as another person, approves.
      const post = (path: string, as: string, body: unknown = {}) =>
        fetch(`${url}/rule-sets/household-exit${path}`, { method: 'POST', headers: { cookie: as, origin: url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      for (const refusedToViewer of [await asViewer('/rule-sets/household-exit/drafts'), await post('/drafts', cookie)]) {
        expect(refusedToViewer.status).toBe(403);
        expect(((await refusedToViewer.json()) as { error: { code: string } }).error.code).toBe('ROLE_FORBIDDEN');
      }
      const draft = (await (await post('/drafts', staff)).json()) as { draftId: string; author: string };
      expect(draft.author).toBe('arn:aws:iam::000000000000:user/tuopin-local/console/policy-staff');
      expect(((await (await post(`/drafts/${draft.draftId}/submissions`, staff)).json()) as { status: string }).status).toBe('submitted');
      const byStaff = await post(`/drafts/${draft.draftId}/approvals`, staff);
      expect(((await byStaff.json()) as { error: { code: string } }).error.code).toBe('ROLE_FORBIDDEN');
      const approver = (await fetch(signIn.approver!, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
      const approved = (await (await post(`/drafts/${draft.draftId}/approvals`, approver)).json()) as { status: string; draft: { steps: { action: string; by: string }[] } };
      expect(approved.status).toBe('approved');
      expect(approved.draft.steps.at(-1)).toMatchObject({ action: 'approve', by: 'arn:aws:iam::000000000000:user/tuopin-local/console/approver' });

      // Sign-out is a same-site POST: another site's page cannot end the session, the console can.
      expect((await fetch(`${url}/sign-out`, { method: 'POST', headers: { cookie, origin: 'https://elsewhere.example' } })).status).toBe(403);
      expect((await asViewer('/counties')).status).toBe(200);
      const signedOut = await fetch(`${url}/sign-out`, { method: 'POST', headers: { cookie, origin: url } });
      expect(signedOut.status).toBe(204);
      expect(signedOut.headers.get('set-cookie')).toMatch(/^tuopin_session=; .*Max-Age=0$/);
      expect((await asViewer('/counties')).status).toBe(401);
      expect((await fetch(`${url}/rule-sets`, { headers: { cookie: staff } })).status).toBe(200);
    } finally {
      stop.abort();
      write.mockRestore();
    }
    expect(await exit).toBe(0);
  });
});
