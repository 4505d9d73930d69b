import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Checksum, SourceData } from '@smithy/types';

/** The signing name of API Gateway, the service the deployed API is signed for. */
export const SIGNING_SERVICE = 'execute-api';

/** SHA-256 (and its HMAC when given a key) for the signer, from node:crypto. */
export class Sha256 implements Checksum {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const key = typeof this.secret === 'string' ? this.secret : Buffer.from(this.secret as Uint8Array);
    return createHmac('sha256', key);
  }
}

/** A SigV4 signer for the API with one identity's keys; the region is the one in the credential scope. */
export function apiSigner(credentials: AwsCredentialIdentity, region: string): SignatureV4 {
  // No x-amz-content-sha256 header: API Gateway's callers (the AWS SDKs, awscurl) do not send it.
  return new SignatureV4({ credentials, region, service: SIGNING_SERVICE, sha256: Sha256, applyChecksum: false });
}

/**
 * `fetch` with a SigV4 signature by one identity of a `tuopin serve` credentials file: what an
 * app team's client does against the deployed API, here for the tests and the soak bench.
 */
export async function signedFetch(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
  credentials: AwsCredentialIdentity,
  options: { region?: string; signingDate?: Date } = {},
): Promise<Response> {
  const target = new URL(url);
  const signed = await apiSigner(credentials, options.region ?? 'cn-north-1').sign({
    method: init.method,
    protocol: target.protocol,
    hostname: target.hostname,
    port: Number(target.port),
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    headers: { host: target.host, ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  }, options.signingDate ? { signingDate: options.signingDate } : {});
  const { host: _host, ...headers } = signed.headers;
  return fetch(url, { method: init.method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
}

/** One identity's keys from a credentials file written by `tuopin serve`. */
export async function readIdentityKeys(file: string, identity: string): Promise<AwsCredentialIdentity> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, AwsCredentialIdentity | undefined>;
  const keys = parsed[identity];
  if (!keys) throw new Error(`${file} has no identity ${identity}`);
  return { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey };
}
