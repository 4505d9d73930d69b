import { describe, expect, it } from 'vitest';
import { signRequest, type ConsoleRequest } from '../src/api/sigv4-signer.js';
import { SignatureRefusedError } from '../../src/cli/serve/refusals.js';
import { verifySignature } from '../../src/cli/serve/sigv4-verify.js';

/*
 * The console's browser signer (WebCrypto, no node:crypto) against the local API's verifier,
 * which recomputes signatures as API Gateway does: what the console signs on AWS must verify.
 */

const KEYS = { accessKeyId: 'ASIACONSOLETEST0001', secretAccessKey: 'c29tZS1zZWNyZXQtb2YtdGhlLXJvbGUtc2Vzc2lvbg', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaDmNuLW5vcnRoLTEtdGVzdA==' };
const NOW = new Date('2026-11-30T13:00:00Z');

/** The request as node's http server hands it to the verifier: lower-case header names, the raw path. */
async function verify(request: ConsoleRequest, headers: Record<string, string>, secret = KEYS.secretAccessKey) {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const received = Object.fromEntries(Object.entries({ ...headers, host: url.host }).map(([name, value]) => [name.toLowerCase(), value]));
  return verifySignature({ method: request.method, path: url.pathname, query, headers: received, body: request.body ?? '' }, (id) => (id === KEYS.accessKeyId ? secret : undefined), NOW);
}

describe("the console's SigV4 signer", () => {
  it('signs a GET with a query and an encoded path parameter, session token included, as the verifier recomputes it', async () => {
    const request: ConsoleRequest = { method: 'GET', url: 'http://127.0.0.1:8080/villages/C-W%20T2/households?year=2018&outcome=fail', headers: { accept: 'application/json' } };
    const headers = await signRequest(request, KEYS, 'cn-north-1', NOW);
    expect(headers).not.toHaveProperty('host');
    expect(headers['x-amz-security-token']).toBe(KEYS.sessionToken);
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIACONSOLETEST0001\/20261130\/cn-north-1\/execute-api\/aws4_request, SignedHeaders=[^,]*x-amz-security-token/);
    await expect(verify(request, headers)).resolves.toBe(KEYS.accessKeyId);
  });

  it('signs a POST with its JSON body and an Idempotency-Key, without a session token', async () => {
    const request: ConsoleRequest = {
      method: 'POST',
      url: 'https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod/villages/C-W-T2-V0/re-evaluations',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'Idempotency-Key': 'k-1' },
      body: JSON.stringify({ year: 2018 }),
    };
    const keys = { accessKeyId: KEYS.accessKeyId, secretAccessKey: KEYS.secretAccessKey };
    const headers = await signRequest(request, keys, 'cn-north-1', NOW);
    expect(headers).not.toHaveProperty('x-amz-security-token');
    await expect(verify(request, headers)).resolves.toBe(KEYS.accessKeyId);
  });

  it('produces signatures the verifier refuses once the body, the path or the secret differ', async () => {
    const request: ConsoleRequest = { method: 'POST', url: 'http://127.0.0.1:8080/evaluations', headers: { 'content-type': 'application/json' }, body: '{"year":2018}' };
    const headers = await signRequest(request, KEYS, 'cn-north-1', NOW);
    await expect(verify({ ...request, body: '{"year":2019}' }, headers)).rejects.toBeInstanceOf(SignatureRefusedError);
    await expect(verify({ ...request, url: 'http://127.0.0.1:8080/rule-sets' }, headers)).rejects.toBeInstanceOf(SignatureRefusedError);
    await expect(verify(request, headers, 'another-secret-of-thirty-characters')).rejects.toBeInstanceOf(SignatureRefusedError);
  });
});
