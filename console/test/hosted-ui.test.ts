import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, logoutUrl, pkceChallenge, randomText, refreshRequest, revokeRequest, tokenRequest } from '../src/api/hosted-ui.js';
import { parseRuntimeConfig } from '../src/api/runtime-config.js';
import { AWS_CONFIG } from './aws-config.js';

const CONFIG = AWS_CONFIG;

describe("the console's config.json", () => {
  it('is read as AWS when it says so with every field, as local otherwise', () => {
    expect(parseRuntimeConfig(JSON.parse(JSON.stringify(CONFIG)))).toEqual(CONFIG);
    expect(parseRuntimeConfig(null)).toEqual({ mode: 'local' });
    expect(parseRuntimeConfig({ mode: 'local' })).toEqual({ mode: 'local' });
  });

  it('is refused with the field at fault when the AWS shape is incomplete or not https', () => {
    const { identityPoolId: _, ...missing } = CONFIG;
    expect(() => parseRuntimeConfig(missing)).toThrow(/identityPoolId is missing/);
    expect(() => parseRuntimeConfig({ ...CONFIG, authDomain: 'http://tuopin.auth.example' })).toThrow(/authDomain is not an https URL/);
  });
});

describe('the hosted UI sign-in (authorization code with PKCE)', () => {
  it('sends the S256 challenge of a random verifier, the state and the console as the way back', async () => {
    const verifier = randomText();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomText()).not.toBe(verifier);
    const challenge = await pkceChallenge(verifier);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));

    const url = new URL(authorizeUrl(CONFIG, challenge, 'state-1', 'https://d1234.cloudfront.net/'));
    expect(`${url.origin}${url.pathname}`).toBe(`${CONFIG.authDomain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CONFIG.userPoolClientId,
      redirect_uri: 'https://d1234.cloudfront.net/',
      scope: 'openid email profile',
      state: 'state-1',
      code_challenge_method: 'S256',
      code_challenge: challenge,
    });
  });

  it('trades the code with the verifier and no client secret', () => {
    const { url, body } = tokenRequest(CONFIG, 'code-1', 'verifier-1', 'https://d1234.cloudfront.net/');
    expect(url).toBe(`${CONFIG.authDomain}/oauth2/token`);
    expect(Object.fromEntries(body)).toEqual({ grant_type: 'authorization_code', client_id: CONFIG.userPoolClientId, code: 'code-1', redirect_uri: 'https://d1234.cloudfront.net/', code_verifier: 'verifier-1' });
  });
});

describe('the hosted UI sign-out and renewal', () => {
  it("renews with the refresh token at the token endpoint, and revokes it at sign-out, with the client id and no secret", () => {
    const renew = refreshRequest(CONFIG, 'refresh-1');
    expect(renew.url).toBe(`${CONFIG.authDomain}/oauth2/token`);
    expect(Object.fromEntries(renew.body)).toEqual({ grant_type: 'refresh_token', client_id: CONFIG.userPoolClientId, refresh_token: 'refresh-1' });
    const revoke = revokeRequest(CONFIG, 'refresh-1');
    expect(revoke.url).toBe(`${CONFIG.authDomain}/oauth2/revoke`);
    expect(Object.fromEntries(revoke.body)).toEqual({ token: 'refresh-1', client_id: CONFIG.userPoolClientId });
  });

  it("leaves for the hosted UI's /logout with the client id and the console as the way back", () => {
    const url = new URL(logoutUrl(CONFIG, 'https://d1234.cloudfront.net/'));
    expect(`${url.origin}${url.pathname}`).toBe(`${CONFIG.authDomain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: CONFIG.userPoolClientId, logout_uri: 'https://d1234.cloudfront.net/' });
  });
});
