import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { errorResponse } from '../../../functions/_shared/http-errors.js';
import type { HttpHandler } from '../../../functions/_shared/http-handler.js';
import { jsonResponse } from '../../../functions/_shared/json-response.js';
import { roleMayCall } from '../../../functions/_shared/route-roles.js';
import type { RouteName } from '../../../functions/_shared/routes.js';
import { sessionCaller, type CredentialsFile, type LocalIdentity } from './credentials.js';
import { assertJsonBody, assertSameSite, authenticate, authorise } from './guard.js';
import { localContext, toProxyEvent } from './proxy-event.js';
import { matchRoute, RouteNotFoundError } from './router.js';
import { RoleForbiddenError, signInResponse, signOutResponse, type LocalSessions } from './session.js';
import { staticFile, wantsPage } from './static.js';

/** Lambda's limit on a synchronous request payload. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface LocalApi {
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The console beside the API: its files, and sign-in into a role. */
export interface ConsoleOptions {
  readonly sessions: LocalSessions;
  /** The built console (console/dist). */
  readonly dir: string;
}

function send(response: ServerResponse, result: APIGatewayProxyResult): void {
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]));
  response.writeHead(result.statusCode, headers);
  // A file (report.xlsx) comes base64-encoded, as API Gateway expects it.
  response.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

export interface LocalApiOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly handlers: Record<RouteName, HttpHandler>;
  /** The keys callers sign with (see http-credentials.ts). */
  readonly credentials: CredentialsFile;
  /** The clock signatures are checked against; injectable for tests. */
  readonly now?: () => Date;
  /** The web console and its sign-in, served beside the API. */
  readonly console?: ConsoleOptions;
}

/**
 * An HTTP server on loopback that turns each request into the API Gateway proxy event of its
 * route and answers with what the route's Lambda handler returns: the deployed API's contract,
 * without AWS. As on AWS, every request is SigV4-signed and reaches only the routes its
 * identity's policy allows; and since a browser on this machine can reach loopback too, a
 * foreign Host or Origin and a non-JSON POST body are refused before anything else.
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const now = options.now ?? (() => new Date());
  let port = options.port;
  const server = createServer(async (request, response) => {
    const requestId = randomUUID();
    try {
      assertSameSite(request, port);
      const method = request.method ?? 'GET';
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const site = options.console;
      if (site && url.pathname === '/sign-in') {
        const { status: statusCode, headers, body } = signInResponse(site.sessions, url);
        return send(response, { statusCode, headers, body });
      }
      if (site && url.pathname === '/sign-out' && method === 'POST') {
        const { status: statusCode, headers, body } = signOutResponse(site.sessions, request);
        return send(response, { statusCode, headers, body });
      }
      // A page the browser navigates to, or one of the console's bundled files, is the console's.
      if (site && (wantsPage(request) || (method === 'GET' && url.pathname.startsWith('/assets/')))) {
        const { status: statusCode, headers, body } = await staticFile(site.dir, url.pathname);
        response.writeHead(statusCode, headers);
        return response.end(method === 'HEAD' ? undefined : body);
      }
      const route = matchRoute(method, url.pathname);
      if (!route) return send(response, errorResponse(new RouteNotFoundError(method, url.pathname), requestId));
      // A console session is held to its role's routes, as an IAM identity is to its policy's.
      const session = site?.sessions.identityOfSession(request) ?? null;
      if (session && !roleMayCall(session.role, route.name)) throw new RoleForbiddenError(session.role, `${method} ${route.resource}`);
      const body = await readBody(request);
      if (body === null) return send(response, jsonResponse(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'the body exceeds 6 MB', requestId } }));
      assertJsonBody(request, body);
      // Who calls: a console session (its role checked above), or else a SigV4-signed app.
      const identity = session ? sessionCaller(session.role) : await authenticate(request, url, body, options.credentials, now());
      if (!session) authorise(identity as LocalIdentity, route.name, method, route.resource);
      send(response, await options.handlers[route.name](toProxyEvent(request, url, route, body, requestId, identity), localContext(route.name, requestId)));
    } catch (error) {
      // The handlers answer their own errors; this is a refusal, or the server failing around them.
      send(response, errorResponse(error, requestId));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
