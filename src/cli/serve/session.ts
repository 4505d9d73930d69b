import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CONSOLE_ROLES } from '../../../functions/_shared/route-roles.js';
import { TuopinError } from '../../kernel/errors.js';

export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'tuopin_session';

const SESSION_SECONDS = 12 * 60 * 60;

/** A request carried a session cookie this server did not issue, or one that expired. */
export class SessionInvalidError extends TuopinError {
  constructor() {
    super('SESSION_INVALID', 'the console session is unknown or expired: sign in again with a URL that tuopin serve printed');
  }
}

/** The signed-in role may not call this route. */
export class RoleForbiddenError extends TuopinError {
  constructor(
    readonly role: string,
    readonly route: string,
  ) {
    super('ROLE_FORBIDDEN', `the ${role} role may not call ${route}`);
  }
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** The value of one cookie of a request, or null. */
export function cookieOf(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/**
 * Local sign-in as Jupyter does it: the terminal shows a one-time URL per role; opening it
 * trades the token for a session cookie. Tokens and sessions live in this process only and are
 * kept by their SHA-256, so a lookup compares digests, not secrets.
 */
export class LocalSessions {
  private readonly tokens = new Map<string, ConsoleRole>();
  private readonly sessions = new Map<string, { role: ConsoleRole; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new single-use sign-in token for a role. */
  mintToken(role: ConsoleRole): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(digest(token), role);
    return token;
  }

  /** Spends a token: the Set-Cookie header of a new session, or null when the token is unknown or spent. */
  signIn(token: string): { role: ConsoleRole; setCookie: string } | null {
    const role = this.tokens.get(digest(token));
    if (!role) return null;
    this.tokens.delete(digest(token));
    const session = randomBytes(32).toString('base64url');
    this.sessions.set(digest(session), { role, expires: this.now() + SESSION_SECONDS * 1000 });
    return { role, setCookie: `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_SECONDS}` };
  }

  /**
   * Ends the request's session: it is forgotten here, so its cookie is refused (401) from now on
   * even if a copy of it survives the browser's clearing. Without a cookie, nothing to end.
   */
  signOut(request: IncomingMessage): void {
    const cookie = cookieOf(request, SESSION_COOKIE);
    if (cookie !== null) this.sessions.delete(digest(cookie));
  }

  /** The role of the request's session; null without a session cookie; `SessionInvalidError` for one not issued here or expired. */
  identityOfSession(request: IncomingMessage): { role: ConsoleRole } | null {
    const cookie = cookieOf(request, SESSION_COOKIE);
    if (cookie === null) return null;
    const session = this.sessions.get(digest(cookie));
    if (!session || session.expires <= this.now()) throw new SessionInvalidError();
    return { role: session.role };
  }
}

/** `GET /sign-in?token=…`: the session cookie and a redirect to the console, or a 403 page for a spent token. */
export function signInResponse(sessions: LocalSessions, url: URL): { status: number; headers: Record<string, string>; body: string } {
  const signedIn = sessions.signIn(url.searchParams.get('token') ?? '');
  const common = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
  if (!signedIn) {
    return {
      status: 403,
      headers: { ...common, 'content-type': 'text/plain; charset=utf-8' },
      body: '登录链接无效或已使用，请使用终端中新打印的链接。\nThis sign-in link is unknown or was used already: restart tuopin serve for new links.\n',
    };
  }
  return { status: 303, headers: { ...common, location: '/', 'set-cookie': signedIn.setCookie }, body: '' };
}

/**
 * `POST /sign-out`: forgets the session and tells the browser to drop its cookie (same name,
 * path and attributes, Max-Age=0). A POST, so that no link or image on a page can sign anyone
 * out; the same-site checks of the local API apply to it as to every request.
 */
export function signOutResponse(sessions: LocalSessions, request: IncomingMessage): { status: number; headers: Record<string, string>; body: string } {
  sessions.signOut(request);
  return { status: 204, headers: { 'cache-control': 'no-store', 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` }, body: '' };
}
