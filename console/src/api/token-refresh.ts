import { refreshRequest } from './hosted-ui.js';
import type { AwsConfig } from './runtime-config.js';

/*
 * The id token lasts an hour; the refresh token of the same sign-in lasts the working day (the
 * app client's refreshTokenValidity). When the id token runs out, the refresh token buys a new
 * one at the token endpoint, so a person is sent back to the hosted UI only when the refresh
 * token itself is spent, revoked or missing. No DOM here: the clock is an argument.
 */

/** The tokens of one sign-in, as the tab keeps them. */
export interface SignInTokens {
  readonly idToken: string;
  /** Epoch milliseconds. */
  readonly idTokenExpires: number;
  readonly refreshToken?: string;
}

/** A token is renewed this long before it expires, so that no call is signed with one about to lapse. */
export const MARGIN_MS = 5 * 60 * 1000;

/** Reads the token endpoint's JSON answer into the tokens of the sign-in, keeping the refresh token when none new is sent. */
export function tokensOf(answer: { id_token: string; expires_in: number; refresh_token?: string }, now: number, previous?: string): SignInTokens {
  const refreshToken = answer.refresh_token ?? previous;
  return { idToken: answer.id_token, idTokenExpires: now + answer.expires_in * 1000, ...(refreshToken ? { refreshToken } : {}) };
}

/**
 * An id token valid at `now`: the kept one while fresh; else one bought with the refresh token;
 * null when the person must sign in again (no refresh token, or the endpoint refuses it as
 * expired or revoked). Any other failure of the endpoint is thrown: signing in again would not help.
 */
export async function validTokens(config: AwsConfig, tokens: SignInTokens, now: number): Promise<SignInTokens | null> {
  if (tokens.idTokenExpires - MARGIN_MS > now) return tokens;
  if (!tokens.refreshToken) return null;
  const request = refreshRequest(config, tokens.refreshToken);
  const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: request.body });
  // OAuth 2.0 answers a spent or revoked refresh token with 400 invalid_grant (RFC 6749 §5.2).
  if (response.status === 400 || response.status === 401) return null;
  if (!response.ok) throw new Error(`无法续期登录 / the sign-in could not be renewed (${response.status})`);
  return tokensOf((await response.json()) as { id_token: string; expires_in: number; refresh_token?: string }, now, tokens.refreshToken);
}
