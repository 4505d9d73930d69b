import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { RequestInvalidError, type RequestIssue } from './http-errors.js';
import type { RouteSpec } from './routes.js';

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler gets instead of the raw event: the parsed body and path parameters. */
export interface ParsedRequest<R extends RouteSpec> {
  readonly body: Output<R['body']>;
  readonly params: Output<R['params']>;
  readonly query: Output<R['query']>;
  /** The `Idempotency-Key` header, or null (only routes that take one read it). */
  readonly idempotencyKey: string | null;
  /**
   * The IAM principal that signed the request, as API Gateway's IAM authorisation reports it
   * (`requestContext.identity.userArn`, else `caller`, with the Cognito identity id of a console
   * user); null when the event names none.
   */
  readonly caller: string | null;
}

const MAX_IDEMPOTENCY_KEY = 255;

function issuesOf(where: RequestIssue['in'], error: z.ZodError): RequestIssue[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // An unknown field is named by its own path, like any other field at fault.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ in: where, path: [...at, key].join('.'), message: 'unknown field' }));
    return [{ in: where, path: at.join('.'), message: issue.message }];
  });
}

function bodyText(event: APIGatewayProxyEvent): string | null {
  if (event.body === null || event.body === undefined || event.body.trim() === '') return null;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * A console user signed in through the Cognito identity pool signs with their group's role and
 * a session name every member shares (`CognitoIdentityCredentials`): the person is told apart by
 * their identity id, so that an author and an approver of one group are never the same caller.
 */
function callerOf(event: APIGatewayProxyEvent): string | null {
  const identity = event.requestContext?.identity;
  const principal = identity?.userArn || identity?.caller || null;
  return principal !== null && identity?.cognitoIdentityId ? `${principal}#${identity.cognitoIdentityId}` : principal;
}

function header(event: APIGatewayProxyEvent, name: string): string | null {
  const found = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return found?.[1] ?? null;
}

/** Parses an API Gateway event against a route's schemas; every issue found is reported at once. */
export function parseEvent<R extends RouteSpec>(route: R, event: APIGatewayProxyEvent): ParsedRequest<R> {
  const issues: RequestIssue[] = [];
  let body: unknown;
  if (route.body) {
    const text = bodyText(event);
    let json: unknown = {};
    try {
      if (text !== null) json = JSON.parse(text);
    } catch {
      issues.push({ in: 'body', path: '', message: 'the body is not JSON' });
    }
    if (issues.length === 0) {
      const parsed = route.body.safeParse(json);
      if (parsed.success) body = parsed.data;
      else issues.push(...issuesOf('body', parsed.error));
    }
  }
  let params: unknown;
  if (route.params) {
    const parsed = route.params.safeParse(event.pathParameters ?? {});
    if (parsed.success) params = parsed.data;
    else issues.push(...issuesOf('path', parsed.error));
  }
  let query: unknown;
  if (route.query) {
    const parsed = route.query.safeParse(event.queryStringParameters ?? {});
    if (parsed.success) query = parsed.data;
    else issues.push(...issuesOf('query', parsed.error));
  }
  const idempotencyKey = route.idempotencyKey ? header(event, 'idempotency-key') : null;
  if (idempotencyKey !== null && (idempotencyKey.trim() === '' || idempotencyKey.length > MAX_IDEMPOTENCY_KEY)) {
    issues.push({ in: 'header', path: 'Idempotency-Key', message: `expected 1 to ${MAX_IDEMPOTENCY_KEY} characters` });
  }
  if (issues.length > 0) throw new RequestInvalidError(issues);
  return { body, params, query, idempotencyKey, caller: callerOf(event) } as ParsedRequest<R>;
}

/** The zod step of the chain: replaces the event with the parsed request (what idempotency hashes). */
export function requestParser<R extends RouteSpec>(route: R): MiddlewareObj {
  return {
    before: (request) => {
      request.event = parseEvent(route, request.event as APIGatewayProxyEvent);
    },
  };
}
