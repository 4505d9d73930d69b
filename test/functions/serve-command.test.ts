import { stat, mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveCommand } from '../../src/cli/serve/serve-command.js';
import { readIdentityKeys, signedFetch } from '../../src/cli/serve/signing.js';
import { aHousehold } from '../helpers/builders.js';

/** A raw HTTP request, so the test sets Host and Origin as a browser page or a rebinding DNS name would. */
function rawRequest(url: string, options: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const sent = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: options.method, headers: options.headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    sent.on('error', reject);
    sent.end(options.body);
  });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('tuopin serve', () => {
  const printed: string[] = [];
  const stop = new AbortController();
  let db: string;
  let base: string;
  let exit: Promise<number>;
  let evaluation: AwsCredentialIdentity;
  let policyStaff: AwsCredentialIdentity;
  let approver: AwsCredentialIdentity;
  let environment: NodeJS.ProcessEnv;
  const evaluationBody = JSON.stringify({ ruleSetId: 'household-exit', year: 2018, record: aHousehold({ householdId: 'H-SERVE', status: 'poor' }) });

  beforeAll(async () => {
    db = await mkdtemp(join(tmpdir(), 'tuopin-serve-'));
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    let listening!: (url: string) => void;
    const url = new Promise<string>((resolve) => (listening = resolve));
    environment = { ...process.env };
    exit = serveCommand(['--port', '0', '--db', db], { signal: stop.signal, onListening: listening });
    base = await url;
    write.mockRestore();
    evaluation = await readIdentityKeys(join(db, 'credentials.json'), 'evaluation');
    policyStaff = await readIdentityKeys(join(db, 'credentials.json'), 'policy-staff');
    approver = await readIdentityKeys(join(db, 'credentials.json'), 'approver');
  }, 60_000);
  afterAll(async () => {
    stop.abort();
    expect(await exit).toBe(0);
    await rm(db, { recursive: true, force: true });
  });

  it('leaves the process environment as it found it: the handlers are built with its options', () => {
    expect(process.env).toEqual(environment);
  });

  it('creates the local credentials in the store folder, owner-only, and prints where they are', async () => {
    const file = join(db, 'credentials.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, { accessKeyId: string; secretAccessKey: string }>;
    expect(Object.keys(saved).sort()).toEqual(['approver', 'evaluation', 'policy-staff']);
    expect(new Set(Object.values(saved).map((keys) => keys.secretAccessKey)).size).toBe(3);
    const text = printed.join('');
    expect(text).toContain(base);
    expect(text).toContain(`Local credentials: ${file}`);
    expect(text).not.toContain(saved.evaluation!.secretAccessKey);
    expect(text).toContain(`approver      access key ${saved.approver!.accessKeyId}`);
    expect(text).toContain('a rule draft is approved by someone other than its author');
  });

  it('answers a SigV4-signed POST /evaluations with the verdict, through the Lambda handler', async () => {
    const response = await signedFetch(`${base}/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: evaluationBody }, evaluation);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const { verdict } = (await response.json()) as { verdict: { subjectId: string; ruleSetVersion: number; outcome: string; items: unknown[] } };
    expect(verdict).toMatchObject({ subjectId: 'H-SERVE', ruleSetVersion: 1, outcome: 'pass' });
    expect(verdict.items.length).toBeGreaterThan(0);

    const unknown = await fetch(`${base}/nowhere`);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses an unsigned request with 403 and a zh/en message, a stale or forged signature with 403', async () => {
    const unsigned = await fetch(`${base}/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: evaluationBody });
    expect(unsigned.status).toBe(403);
    const error = await errorOf(unsigned);
    expect(error.code).toBe('SIGNATURE_MISSING');
    expect(error.message).toMatch(/请求未签名.*the request is not signed/);

    const stale = await signedFetch(`${base}/verdicts/household/H-1`, { method: 'GET' }, evaluation, { signingDate: new Date(Date.now() - 10 * 60 * 1000) });
    expect(stale.status).toBe(403);
    expect((await errorOf(stale)).code).toBe('SIGNATURE_EXPIRED');

    const forged = await signedFetch(`${base}/verdicts/household/H-1`, { method: 'GET' }, { accessKeyId: evaluation.accessKeyId, secretAccessKey: 'not-the-secret' });
    expect(forged.status).toBe(403);
    expect((await errorOf(forged)).code).toBe('SIGNATURE_INVALID');
  });

  it('lets each identity reach exactly the routes its IAM policy reaches on AWS', async () => {
    const evaluationOnAdmin = await signedFetch(`${base}/rule-sets`, { method: 'GET' }, evaluation);
    expect(evaluationOnAdmin.status).toBe(403);
    expect((await errorOf(evaluationOnAdmin)).code).toBe('ACCESS_DENIED');

    const staffOnAdmin = await signedFetch(`${base}/rule-sets`, { method: 'GET' }, policyStaff);
    expect(staffOnAdmin.status).toBe(200);

    const staffOnEvaluation = await signedFetch(`${base}/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: evaluationBody }, policyStaff);
    expect(staffOnEvaluation.status).toBe(403);
  });

  it('refuses the cross-site text/plain publish with a foreign Host and Origin, and publishes nothing', async () => {
    const draft = JSON.parse(await readFile(new URL('../fixtures/drafts/household-exit-v2.json', import.meta.url), 'utf8')) as unknown;
    const body = JSON.stringify({ ruleSet: draft, note: 'from a web page', acceptImpact: true });
    const path = `${base}/rule-sets/household-exit/versions`;
    const foreign = await rawRequest(path, { method: 'POST', headers: { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'text/plain' }, body });
    expect(foreign.status).toBe(421);
    expect(foreign.body.error.code).toBe('HOST_REFUSED');

    const host = new URL(base).host;
    const crossOrigin = await rawRequest(path, { method: 'POST', headers: { host, origin: 'http://evil.example', 'content-type': 'application/json' }, body });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.body.error.code).toBe('ORIGIN_REFUSED');

    // Even signed by policy staff, a body not declared JSON is refused.
    const textPlain = await signedFetch(path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body }, policyStaff);
    expect(textPlain.status).toBe(415);
    expect((await errorOf(textPlain)).code).toBe('MEDIA_TYPE_UNSUPPORTED');

    const history = (await (await signedFetch(`${base}/rule-sets/household-exit/versions`, { method: 'GET' }, policyStaff)).json()) as { versions: unknown[] };
    expect(history.versions).toHaveLength(1);
  });

  it('accepts its own origin, and takes a draft from policy staff to an approver, each recorded by their signing identity', async () => {
    const fixture = async (name: string) => JSON.parse(await readFile(new URL(`../fixtures/drafts/${name}`, import.meta.url), 'utf8')) as unknown;
    const post = (path: string, body: unknown, as: AwsCredentialIdentity) =>
      signedFetch(`${base}/rule-sets/household-exit${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(body) }, as);
    const ruleSet = await fixture('household-exit-v2.json');
    const cases = await fixture('household-exit-v2.cases.json');
    // Alone, policy staff cannot publish: this store requires a second person's approval.
    const alone = await post('/versions', { ruleSet, cases, note: '2018 line 4200', acceptImpact: true }, policyStaff);
    expect(alone.status).toBe(403);
    expect((await errorOf(alone)).code).toBe('ONE_STEP_PUBLISH_REFUSED');

    const created = (await (await post('/drafts', { note: 'raise the 2018 line' }, policyStaff)).json()) as { draftId: string; author: string; cases: { version: number } | null };
    expect(created.author).toBe('arn:aws:iam::000000000000:user/tuopin-local/policy-staff');
    // Seeding stored the reviewed cases with version 1: the draft carries them.
    expect(created.cases?.version).toBe(2);
    expect((await post(`/drafts/${created.draftId}/saves`, { ruleSet, cases }, policyStaff)).status).toBe(200);
    expect(await (await post(`/drafts/${created.draftId}/submissions`, { note: 'please approve' }, policyStaff)).json()).toMatchObject({ status: 'submitted' });

    const byStaff = await post(`/drafts/${created.draftId}/approvals`, {}, policyStaff);
    expect(byStaff.status).toBe(403);
    const approved = await post(`/drafts/${created.draftId}/approvals`, { note: 'approved' }, approver);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', draft: { publishedVersion: 2 } });
    const history = (await (await signedFetch(`${base}/rule-sets/household-exit/history`, { method: 'GET' }, approver)).json()) as { versions: { author: string; approval: { approvedBy: string } | null }[] };
    expect(history.versions.at(-1)).toMatchObject({
      author: 'arn:aws:iam::000000000000:user/tuopin-local/policy-staff',
      approval: { approvedBy: 'arn:aws:iam::000000000000:user/tuopin-local/approver' },
    });
  }, 60_000);

  it('answers a 10,000-character village id with 400, not 500', async () => {
    const response = await signedFetch(`${base}/villages/${'V'.repeat(10_000)}/re-evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, evaluation);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('REQUEST_INVALID');
  });
});
