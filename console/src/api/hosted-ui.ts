import type { AwsConfig } from './runtime-config.js';

/*
 * The two requests of the hosted UI's authorization code flow with PKCE (RFC 7636), as pure
 * functions: where the browser is sent to sign in, and what is posted to trade the code.
 */

export const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** 32 random bytes as base64url: a PKCE verifier (43 characters) or a state. */
export const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The PKCE challenge of a verifier: base64url(SHA-256(verifier)), method S256. */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** The hosted UI's sign-in address for a challenge and state, coming back to `redirectUri`. */
export function authorizeUrl(config: AwsConfig, challenge: string, state: string, redirectUri: string): string {
  const url = new URL('/oauth2/authorize', config.authDomain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.userPoolClientId,
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  }).toString();
  return url.toString();
}

/** The token request that trades a code: the verifier proves this tab started the sign-in (no client secret). */
export function tokenRequest(config: AwsConfig, code: string, verifier: string, redirectUri: string): { url: string; body: URLSearchParams } {
  return {
    url: new URL('/oauth2/token', config.authDomain).toString(),
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.userPoolClientId, code, redirect_uri: redirectUri, code_verifier: verifier }),
  };
}

/** The token request that trades the refresh token for a new id token, when the old one expires (no client secret). */
export function refreshRequest(config: AwsConfig, refreshToken: string): { url: string; body: URLSearchParams } {
  return {
    url: new URL('/oauth2/token', config.authDomain).toString(),
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: config.userPoolClientId, refresh_token: refreshToken }),
  };
}

/** The request that revokes a refresh token at sign-out, so that a copy of it is worth nothing (the client enables revocation). */
export function revokeRequest(config: AwsConfig, refreshToken: string): { url: string; body: URLSearchParams } {
  return { url: new URL('/oauth2/revoke', config.authDomain).toString(), body: new URLSearchParams({ token: refreshToken, client_id: config.userPoolClientId }) };
}

/**
 * The hosted UI's sign-out address: it ends the hosted UI's own session (its cookie), then
 * sends the browser to `logoutUri`, which must be one of the client's logout URLs.
 */
export function logoutUrl(config: AwsConfig, logoutUri: string): string {
  const url = new URL('/logout', config.authDomain);
  url.search = new URLSearchParams({ client_id: config.userPoolClientId, logout_uri: logoutUri }).toString();
  return url.toString();
}
