import type { IncomingMessage } from 'node:http';
import type { RouteName } from '../../../functions/_shared/routes.js';
import { identityOfKey, mayInvoke, type CredentialsFile, type LocalIdentity } from './credentials.js';
import { AccessDeniedError, HostRefusedError, MediaTypeUnsupportedError, OriginRefusedError } from './refusals.js';
import { verifySignature } from './sigv4-verify.js';

/**
 * Refuses what a web page could send to the local API from an officer's browser: a `Host` other
 * than the loopback address serve listens on (DNS rebinding), and an `Origin` other than the
 * server's own (a cross-site fetch or form). Runs before anything else reads the request.
 */
export function assertSameSite(request: IncomingMessage, port: number): void {
  const expected = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = request.headers.host;
  if (host === undefined || !expected.includes(host.toLowerCase())) throw new HostRefusedError(host, expected);
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) throw new OriginRefusedError(origin, `http://${host}`);
}

/**
 * A POST's body must be declared JSON: `text/plain`, form and multipart bodies are what a page
 * can send cross-site without a preflight. A POST with no body and no Content-Type sends nothing
 * to misread and stays allowed (the re-evaluation body is optional).
 */
export function assertJsonBody(request: IncomingMessage, body: string): void {
  if (request.method !== 'POST') return;
  const contentType = request.headers['content-type'];
  if (contentType === undefined && body.length === 0) return;
  const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new MediaTypeUnsupportedError(contentType);
}

/**
 * Who is calling: the one place a request is authenticated. Today by a SigV4 signature with a
 * key of the local credentials file; a later sign-in mechanism (the console's session cookie)
 * is another branch here, returning the same identity.
 */
export async function authenticate(request: IncomingMessage, url: URL, body: string, credentials: CredentialsFile, now: Date): Promise<LocalIdentity> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const rawPath = (request.url ?? '/').split('?')[0]!;
  const accessKeyId = await verifySignature(
    { method: request.method ?? 'GET', path: rawPath, query, headers: request.headers, body },
    (key) => identityOfKey(credentials, key)?.secretAccessKey,
    now,
  );
  return identityOfKey(credentials, accessKeyId)!.identity;
}

/** The identity may invoke the route exactly when its IAM policy on AWS reaches the method. */
export function authorise(identity: LocalIdentity, route: RouteName, method: string, path: string): void {
  if (!mayInvoke(identity.name, route)) throw new AccessDeniedError(identity.name, method, path);
}
