import type { AwsCredentialIdentity } from '@smithy/types';
import { authorizeUrl, logoutUrl, pkceChallenge, randomText, revokeRequest, tokenRequest } from './hosted-ui.js';
import type { AwsConfig } from './runtime-config.js';
import { MARGIN_MS, tokensOf, validTokens, type SignInTokens } from './token-refresh.js';

/*
 * Sign-in on AWS with nothing but fetch: the hosted UI's authorization code with PKCE (no client
 * secret in a browser), the id token traded at the identity pool for the temporary credentials
 * of the person's group role, which sign every API call. When the id token expires, the refresh
 * token renews it (token-refresh.ts) before anyone is sent back to sign in. Tokens and
 * credentials stay in this tab's sessionStorage: closing the tab, or signing out, drops them.
 */

const PENDING = 'tuopin.signIn';
const SESSION = 'tuopin.session';
interface Session extends SignInTokens {
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expires: number };
}

/** The console's own address, where the hosted UI sends the code back (the client's one callback URL). */
const callbackUrl = () => `${location.origin}/`;

/** Leaves for the hosted UI; the page comes back with `?code=…&state=…`. */
async function redirectToSignIn(config: AwsConfig): Promise<never> {
  const verifier = randomText();
  const state = randomText();
  sessionStorage.removeItem(SESSION);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: `${location.pathname}${location.search}` }));
  location.assign(authorizeUrl(config, await pkceChallenge(verifier), state, callbackUrl()));
  return new Promise<never>(() => undefined);
}

/** Trades the code the hosted UI returned for the id and refresh tokens, checking the state it was sent with. */
async function completeSignIn(config: AwsConfig, code: string, state: string): Promise<SignInTokens> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING);
  if (!pending || pending.state !== state) throw new Error('登录状态不符，请重新登录 / the sign-in state does not match: sign in again');
  const token = tokenRequest(config, code, pending.verifier, callbackUrl());
  const response = await fetch(token.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: token.body });
  if (!response.ok) throw new Error(`登录失败 / sign-in failed (${response.status})`);
  const tokens = tokensOf((await response.json()) as { id_token: string; expires_in: number; refresh_token?: string }, Date.now());
  history.replaceState(null, '', pending.returnTo);
  return tokens;
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
  const kept = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as Session | null;
  const now = Date.now();
  if (kept?.credentials && kept.credentials.expires - MARGIN_MS > now) return kept.credentials;
  let tokens = kept ? await validTokens(config, kept, now) : null;
  if (!tokens) {
    const params = new URLSearchParams(location.search);
    const code = params.get('code');
    const state = params.get('state');
    tokens = code && state ? await completeSignIn(config, code, state) : await redirectToSignIn(config);
  }
  const session: Session = { ...tokens, credentials: await roleCredentials(config, tokens.idToken) };
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  return session.credentials!;
}

/**
 * Signs out on AWS: forgets the tab's tokens and credentials, revokes the refresh token (best
 * effort: the page leaves either way), and leaves for the hosted UI's sign-out, which ends its own
 * session and comes back to the console, which then asks for a sign-in again.
 */
export async function signOutOfAws(config: AwsConfig): Promise<never> {
  const kept = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as Session | null;
  sessionStorage.removeItem(SESSION);
  sessionStorage.removeItem(PENDING);
  if (kept?.refreshToken) {
    const revoke = revokeRequest(config, kept.refreshToken);
    await fetch(revoke.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: revoke.body }).catch(() => undefined);
  }
  location.assign(logoutUrl(config, callbackUrl()));
  return new Promise<never>(() => undefined);
}
