import { signingCredentials, signOutOfAws } from './cognito-session.js';
import { parseRuntimeConfig, type RuntimeConfig } from './runtime-config.js';
import { signedRequest, type ApiRequestInit } from './sigv4-signer.js';

/**
 * Sends one API request the way the console is deployed: under `tuopin serve` to the same
 * origin with the session cookie (SameSite=Strict, HttpOnly); on AWS to the API's own domain,
 * signed with SigV4 by the credentials of the person's role, with no cookie at all. JSON reads,
 * POSTs and the report.xlsx download all go through here, so each is signed the same way.
 */
export async function send(path: string, init: ApiRequestInit): Promise<Response> {
  const config = await runtimeConfig();
  if (config.mode === 'local') {
    return fetch(path, { method: init.method, credentials: 'same-origin', headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) });
  }
  const { url, request } = await signedRequest(config, path, init, await signingCredentials(config));
  return fetch(url, request);
}

/**
 * Signs out the way the console is deployed. On AWS the page leaves for the hosted UI's sign-out
 * and this never resolves; under `tuopin serve` the server forgets the session and clears its
 * cookie (`POST /sign-out`), and this resolves so that the console can show how to sign in again.
 */
export async function signOut(): Promise<void> {
  const config = await runtimeConfig();
  if (config.mode === 'aws') return signOutOfAws(config);
  const response = await fetch('/sign-out', { method: 'POST', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`退出登录失败 / sign-out failed (${response.status})`);
}

let loaded: Promise<RuntimeConfig> | undefined;

/** `tuopin serve` (and Vite's dev server) listen on loopback only: there, nothing to fetch. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** The configuration, fetched once per page. */
export function runtimeConfig(): Promise<RuntimeConfig> {
  if (LOOPBACK.test(location.hostname)) return Promise.resolve({ mode: 'local' });
  loaded ??= fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-store' }).then(async (response) => {
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return { mode: 'local' } as const;
    return parseRuntimeConfig(await response.json());
  });
  return loaded;
}
