import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AwsConfig } from '../src/api/runtime-config.js';
import { MARGIN_MS, validTokens, type SignInTokens } from '../src/api/token-refresh.js';
import { AWS_CONFIG } from './aws-config.js';

/*
 * Renewal of the id token against a fake token endpoint: a small HTTP server on loopback that
 * answers as Cognito's /oauth2/token does, with a fake clock passed in. The console's real fetch
 * goes over the wire, so the form it posts is what the server reads.
 */

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-11-30T08:00:00Z');
let server: Server;
let config: AwsConfig;
let received: URLSearchParams[] = [];
/** What the endpoint answers next. */
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/oauth2/token' || request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
        response.writeHead(404).end();
        return;
      }
      received.push(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // The deployed example, with its hosted UI on the fake token endpoint.
  config = { ...AWS_CONFIG, authDomain: `http://127.0.0.1:${port}` };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received = [];
});

const signedIn: SignInTokens = { idToken: 'id-1', idTokenExpires: T0 + HOUR, refreshToken: 'refresh-1' };

describe('the id token', () => {
  it('is kept while it is fresh, without a call to the token endpoint', async () => {
    await expect(validTokens(config, signedIn, T0 + HOUR - MARGIN_MS - 1)).resolves.toBe(signedIn);
    expect(received).toEqual([]);
  });

  it('is renewed with the refresh token once it is about to expire, keeping the refresh token', async () => {
    answer = { status: 200, body: { id_token: 'id-2', access_token: 'access-2', expires_in: 3600, token_type: 'Bearer' } };
    const now = T0 + HOUR - MARGIN_MS;
    await expect(validTokens(config, signedIn, now)).resolves.toEqual({ idToken: 'id-2', idTokenExpires: now + HOUR, refreshToken: 'refresh-1' });
    expect(received.map((form) => Object.fromEntries(form))).toEqual([{ grant_type: 'refresh_token', client_id: config.userPoolClientId, refresh_token: 'refresh-1' }]);
  });

  it('takes a new refresh token when the endpoint rotates it', async () => {
    answer = { status: 200, body: { id_token: 'id-3', expires_in: 3600, refresh_token: 'refresh-2' } };
    await expect(validTokens(config, signedIn, T0 + 2 * HOUR)).resolves.toMatchObject({ idToken: 'id-3', refreshToken: 'refresh-2' });
  });

  it('sends the person back to sign in when the refresh token is refused as spent or revoked, or there is none', async () => {
    answer = { status: 400, body: { error: 'invalid_grant' } };
    await expect(validTokens(config, signedIn, T0 + 13 * HOUR)).resolves.toBeNull();
    expect(received).toHaveLength(1);
    const { refreshToken: _, ...withoutRefresh } = signedIn;
    await expect(validTokens(config, withoutRefresh, T0 + 2 * HOUR)).resolves.toBeNull();
    expect(received).toHaveLength(1);
  });

  it('is not given up for a failure of the endpoint itself, which signing in again would not cure', async () => {
    answer = { status: 503, body: {} };
    await expect(validTokens(config, signedIn, T0 + 2 * HOUR)).rejects.toThrow(/could not be renewed \(503\)/);
  });
});
