import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Checksum, SourceData } from '@smithy/types';
import type { AwsConfig } from './runtime-config.js';

/** API Gateway's signing name. */
const SERVICE = 'execute-api';

const bytesOf = (data: SourceData): Uint8Array =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * SHA-256, and its HMAC when given a key, from the browser's WebCrypto: what the signer needs,
 * without a hashing library in the bundle. WebCrypto hashes whole messages, so updates are kept
 * until the digest (requests of the console are small).
 */
export class WebCryptoSha256 implements Checksum {
  private chunks: Uint8Array[] = [];

  constructor(private readonly secret?: SourceData) {}

  update(data: Uint8Array): void {
    this.chunks.push(data);
  }

  async digest(): Promise<Uint8Array> {
    const message = new Uint8Array(this.chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of this.chunks) {
      message.set(chunk, offset);
      offset += chunk.byteLength;
    }
    if (this.secret === undefined) return new Uint8Array(await crypto.subtle.digest('SHA-256', message));
    const key = await crypto.subtle.importKey('raw', new Uint8Array(bytesOf(this.secret)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  }

  reset(): void {
    this.chunks = [];
  }
}

/** A request as the console sends it: method, absolute URL, headers, JSON body. */
export interface ConsoleRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * Signs a request for API Gateway with the temporary credentials of the person's role (the
 * session token is signed too). Returns the headers to send; `host` is left out, the browser
 * sends the same one itself. No x-amz-content-sha256, as the AWS SDKs send none to API Gateway.
 */
export async function signRequest(request: ConsoleRequest, credentials: AwsCredentialIdentity, region: string, signingDate?: Date): Promise<Record<string, string>> {
  const target = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(target.searchParams.keys())) {
    const values = target.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const signer = new SignatureV4({ credentials, region, service: SERVICE, sha256: WebCryptoSha256, applyChecksum: false });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      query,
      headers: { ...request.headers, host: target.host },
      ...(request.body !== undefined ? { body: request.body } : {}),
    },
    signingDate ? { signingDate } : {},
  );
  const { host: _host, ...headers } = signed.headers as Record<string, string>;
  return headers;
}

/** What a page asks the API for: the method, headers and JSON body of a route's path. */
export interface ApiRequestInit {
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/**
 * The fetch arguments of a request to the deployed API: the invoke URL (it ends with the stage,
 * `…/prod/`, and the route's path follows it), the SigV4 headers and no cookie. Apart from
 * `send` (transport.ts) so that its shape can be checked without a browser.
 */
export async function signedRequest(config: AwsConfig, path: string, init: ApiRequestInit, credentials: AwsCredentialIdentity, signingDate?: Date): Promise<{ url: string; request: RequestInit }> {
  const url = `${config.apiUrl.replace(/\/$/, '')}${path}`;
  const body = init.body !== undefined ? { body: init.body } : {};
  const headers = await signRequest({ method: init.method, url, headers: init.headers, ...body }, credentials, config.region, signingDate);
  return { url, request: { method: init.method, credentials: 'omit', headers, ...body } };
}
