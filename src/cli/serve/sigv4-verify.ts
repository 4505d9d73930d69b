import { createHash, timingSafeEqual } from 'node:crypto';
import type { AwsCredentialIdentity } from '@smithy/types';
import { SignatureRefusedError } from './refusals.js';
import { apiSigner, SIGNING_SERVICE } from './signing.js';

/** What a signature covers, as the request arrived. */
export interface SignedRequest {
  readonly method: string;
  /** The path as sent (percent-encoded), without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Header names in lower case (node's `IncomingMessage.headers`). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** How far `X-Amz-Date` may be from the clock, as AWS allows. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(text: string | undefined): Date | null {
  const parts = text === undefined ? null : AMZ_DATE.exec(text);
  if (!parts) return null;
  const [, year, month, day, hour, minute, second] = parts.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/**
 * Verifies an AWS SigV4 signature (service `execute-api`) as API Gateway does: recomputes it over
 * the method, path, query, the signed headers and the body's hash with the secret of the access
 * key named in `Authorization`, compares in constant time, and refuses an `X-Amz-Date` more than
 * five minutes from `now`. Returns the access key id; throws SignatureRefusedError otherwise.
 */
export async function verifySignature(request: SignedRequest, secretOf: (accessKeyId: string) => string | undefined, now: Date): Promise<string> {
  const authorization = single(request.headers.authorization);
  if (authorization === undefined || authorization === '') throw new SignatureRefusedError('SIGNATURE_MISSING');
  const parts = AUTHORIZATION.exec(authorization);
  if (!parts) throw new SignatureRefusedError('SIGNATURE_INVALID', 'the Authorization header is not AWS4-HMAC-SHA256');
  const [, accessKeyId, scopeDate, region, service, signedList, signature] = parts as unknown as [string, string, string, string, string, string, string];
  if (service !== SIGNING_SERVICE) throw new SignatureRefusedError('SIGNATURE_INVALID', `signed for service ${service}, not ${SIGNING_SERVICE}`);
  const signedHeaders = signedList.split(';');
  if (!signedHeaders.includes('host')) throw new SignatureRefusedError('SIGNATURE_INVALID', 'the Host header is not signed');

  const amzDate = single(request.headers['x-amz-date']);
  const signingDate = parseAmzDate(amzDate);
  if (signingDate === null || amzDate!.slice(0, 8) !== scopeDate) throw new SignatureRefusedError('SIGNATURE_INVALID', 'X-Amz-Date is missing or disagrees with the credential scope');
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) throw new SignatureRefusedError('SIGNATURE_EXPIRED');

  const secretAccessKey = secretOf(accessKeyId);
  if (secretAccessKey === undefined) throw new SignatureRefusedError('SIGNATURE_INVALID');
  // A declared body hash must be the body's: the signer would otherwise trust it for the payload.
  const declaredHash = single(request.headers['x-amz-content-sha256']);
  if (declaredHash !== undefined && declaredHash !== createHash('sha256').update(request.body).digest('hex')) throw new SignatureRefusedError('SIGNATURE_INVALID', 'x-amz-content-sha256 is not the hash of the body');

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = single(request.headers[name]);
    if (value === undefined) throw new SignatureRefusedError('SIGNATURE_INVALID', `the signed header ${name} is absent`);
    headers[name] = value;
  }
  const credentials: AwsCredentialIdentity = { accessKeyId, secretAccessKey };
  const recomputed = await apiSigner(credentials, region).sign(
    { method: request.method, protocol: 'http:', hostname: headers.host ?? '', path: request.path, query: { ...request.query }, headers, ...(request.body.length ? { body: request.body } : {}) },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(String(recomputed.headers.authorization))?.[1] ?? '';
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) throw new SignatureRefusedError('SIGNATURE_INVALID');
  return accessKeyId;
}
