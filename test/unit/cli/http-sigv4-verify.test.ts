import { createHash } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { apiSigner, Sha256 } from '../../../src/cli/serve/signing.js';
import { verifySignature, type SignedRequest } from '../../../src/cli/serve/sigv4-verify.js';

const KEYS = { accessKeyId: 'AKIALOCALTESTKEY0001', secretAccessKey: 'a-secret-of-thirty-or-more-characters' };
const secretOf = (id: string) => (id === KEYS.accessKeyId ? KEYS.secretAccessKey : undefined);
const SIGNED_AT = new Date('2026-03-01T08:00:00Z');

/** A request as it arrives at the server, signed the way an AWS SDK client signs it. */
async function signed(parts: { method?: string; path?: string; query?: Record<string, string>; body?: string; signer?: SignatureV4 } = {}): Promise<SignedRequest> {
  const method = parts.method ?? 'POST';
  const path = parts.path ?? '/villages/V-1/re-evaluations';
  const body = parts.body ?? '{"year":2018}';
  const request = await (parts.signer ?? apiSigner(KEYS, 'cn-north-1')).sign(
    { method, protocol: 'http:', hostname: '127.0.0.1', port: 8080, path, query: parts.query ?? {}, headers: { host: '127.0.0.1:8080', 'content-type': 'application/json' }, body },
    { signingDate: SIGNED_AT },
  );
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { method, path, query: parts.query ?? {}, headers: { ...headers, 'user-agent': 'test', connection: 'keep-alive' }, body };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: { code?: string }) => error.code);

describe('verifySignature', () => {
  it('accepts a request signed with the key, up to five minutes either side of the clock', async () => {
    const request = await signed({ query: { year: '2018' } });
    expect(await verifySignature(request, secretOf, SIGNED_AT)).toBe(KEYS.accessKeyId);
    expect(await verifySignature(request, secretOf, new Date(SIGNED_AT.getTime() + 4 * 60 * 1000))).toBe(KEYS.accessKeyId);
    expect(await verifySignature(request, secretOf, new Date(SIGNED_AT.getTime() - 4 * 60 * 1000))).toBe(KEYS.accessKeyId);
  });

  it('refuses a signature more than five minutes old or ahead as expired', async () => {
    const request = await signed();
    expect(await codeOf(verifySignature(request, secretOf, new Date(SIGNED_AT.getTime() + 6 * 60 * 1000)))).toBe('SIGNATURE_EXPIRED');
    expect(await codeOf(verifySignature(request, secretOf, new Date(SIGNED_AT.getTime() - 6 * 60 * 1000)))).toBe('SIGNATURE_EXPIRED');
  });

  it('refuses a request whose body, path, query or method changed after signing', async () => {
    const request = await signed({ query: { year: '2018' } });
    for (const changed of [
      { ...request, body: '{"year":2019}' },
      { ...request, path: '/villages/V-2/re-evaluations' },
      { ...request, query: { year: '2019' } },
      { ...request, method: 'PUT' },
      { ...request, headers: { ...request.headers, host: 'localhost:8080' } },
    ]) {
      expect(await codeOf(verifySignature(changed, secretOf, SIGNED_AT))).toBe('SIGNATURE_INVALID');
    }
  });

  it('refuses an unknown key, a wrong secret, another service, and a declared body hash that is not the body', async () => {
    const unknown = await signed({ signer: apiSigner({ accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: KEYS.secretAccessKey }, 'cn-north-1') });
    expect(await codeOf(verifySignature(unknown, secretOf, SIGNED_AT))).toBe('SIGNATURE_INVALID');
    const wrongSecret = await signed({ signer: apiSigner({ ...KEYS, secretAccessKey: 'another-secret-of-thirty-characters' }, 'cn-north-1') });
    expect(await codeOf(verifySignature(wrongSecret, secretOf, SIGNED_AT))).toBe('SIGNATURE_INVALID');
    const otherService = await signed({ signer: new SignatureV4({ credentials: KEYS, region: 'cn-north-1', service: 'dynamodb', sha256: Sha256, applyChecksum: false }) });
    expect(await codeOf(verifySignature(otherService, secretOf, SIGNED_AT))).toBe('SIGNATURE_INVALID');

    const withHash = await signed({ signer: new SignatureV4({ credentials: KEYS, region: 'cn-north-1', service: 'execute-api', sha256: Sha256 }) });
    expect(await verifySignature(withHash, secretOf, SIGNED_AT)).toBe(KEYS.accessKeyId);
    const otherBody = '{"year":2017}';
    const lied = { ...withHash, body: otherBody };
    expect(await codeOf(verifySignature(lied, secretOf, SIGNED_AT))).toBe('SIGNATURE_INVALID');
    expect(withHash.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(withHash.body).digest('hex'));
  });

  it('refuses a request with no Authorization as unsigned, and a malformed one as invalid', async () => {
    const request = await signed();
    const { authorization: _dropped, ...headers } = request.headers;
    expect(await codeOf(verifySignature({ ...request, headers }, secretOf, SIGNED_AT))).toBe('SIGNATURE_MISSING');
    expect(await codeOf(verifySignature({ ...request, headers: { ...headers, authorization: 'Basic dXNlcjpwYXNz' } }, secretOf, SIGNED_AT))).toBe('SIGNATURE_INVALID');
  });
});
