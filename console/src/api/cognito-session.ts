import type { AwsCredentialIdentity } from '@smithy/types';
import { authorizeUrl, pkceChallenge, randomText, tokenRequest } from './hosted-ui.js';
import type { AwsConfig } from './runtime-config.js';

/*
 * Sign-in on AWS with nothing but fetch: the hosted UI's authorization code with PKCE (no client
 * secret in a browser), the id token traded at the identity pool for the temporary credentials
 * of the person's group role, which sign every API call. Tokens and credentials stay in this
 * tab's sessionStorage: closing the tab signs out.
 */

const PENDING = 'tuopin.signIn';
const SESSION = 'tuopin.session';
/** Fresh credentials are fetched this long before the old ones expire. */
const MARGIN_MS = 5 * 60 * 1000;

interface Session {
  readonly idToken: string;
  readonly idTokenExpires: number;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expires: number };
}

/** The console's own address, where the hosted UI sends the code back (the client's one callback URL). */
const callbackUrl = () => `${location.origin}/`;

/** Leaves for the hosted UI; the page comes back with `?code=…&state=…`. */
async function redirectToSignIn(config: AwsConfig): Promise<never> {
  const verifier = randomText();
  const state = randomText();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: `${location.pathname}${location.search}` }));
  location.assign(authorizeUrl(config, await pkceChallenge(verifier), state, callbackUrl()));
  return new Promise<never>(() => undefined);
}

/** Trades the code the hosted UI returned for the id token, checking the state it was sent with. */
async function completeSignIn(config: AwsConfig, code: string, state: string): Promise<Session> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING);
  if (!pending || pending.state !== state) throw new Error('登录状态不符，请重新登录 / the sign-in state does not match: sign in again');
  const token = tokenRequest(config, code, pending.verifier, callbackUrl());
  const response = await fetch(token.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: token.body });
  if (!response.ok) throw new Error(`登录失败 / sign-in failed (${response.status})`);
  const { id_token: idToken, expires_in: expiresIn } = (await response.json()) as { id_token: string; expires_in: number };
  history.replaceState(null, '', pending.returnTo);
  return { idToken, idTokenExpires: Date.now() + expiresIn * 1000 };
}

/** One call of the Cognito identity API (JSON 1.1), unsigned: the id token is the proof. */
async function identityCall<T>(config: AwsConfig, action: string, body: unknown): Promise<T> {
  const response = await fetch(config.identityEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${action}` },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { __type?: string; message?: string };
  // A person in no group has no role: the identity pool refuses, and the console says so.
  if (!response.ok) throw new Error(`无法获取访问权限（是否已加入用户组？）/ no access granted (is the account in a group?): ${answer.__type ?? response.status}`);
  return answer;
}

/** The temporary credentials of the person's group role, for the id token. */
async function roleCredentials(config: AwsConfig, idToken: string): Promise<NonNullable<Session['credentials']>> {
  const logins = { [config.identityProvider]: idToken };
  const { IdentityId } = await identityCall<{ IdentityId: string }>(config, 'GetId', { IdentityPoolId: config.identityPoolId, Logins: logins });
  const { Credentials } = await identityCall<{ Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number } }>(config, 'GetCredentialsForIdentity', {
    IdentityId,
    Logins: logins,
  });
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken, expires: Credentials.Expiration * 1000 };
}

let inflight: Promise<AwsCredentialIdentity> | undefined;

/**
 * Credentials to sign with: kept ones while fresh, new ones from the id token while it is valid,
 * else the hosted UI (this call then never returns: the page leaves). The pages' first calls
 * start together; they share one sign-in, since a code can be traded only once.
 */
export function signingCredentials(config: AwsConfig): Promise<AwsCredentialIdentity> {
  inflight ??= freshCredentials(config).finally(() => {
    inflight = undefined;
  });
  return inflight;
}

async function freshCredentials(config: AwsConfig): Promise<AwsCredentialIdentity> {
  let session = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as Session | null;
  const now = Date.now();
  if (session?.credentials && session.credentials.expires - MARGIN_MS > now) return session.credentials;
  if (!session || session.idTokenExpires - MARGIN_MS <= now) {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    const state = params.get('state');
    session = code && state ? await completeSignIn(config, code, state) : await redirectToSignIn(config);
  }
  session = { ...session, credentials: await roleCredentials(config, session.idToken) };
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  return session.credentials!;
}
