import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

type Fixture =
  | 'post-evaluation'
  | 'post-village-re-evaluation'
  | 'get-verdicts'
  | 'get-rule-sets'
  | 'get-rule-set-versions'
  | 'post-rule-set-validation'
  | 'post-rule-set-version'
  | 'post-rule-set-rollback';

/** An API Gateway proxy event from `events/<fixture>.json` with the given body, path parameters and extra headers. */
export function apiEvent(
  fixture: Fixture,
  parts: { body?: unknown; rawBody?: string; pathParameters?: Record<string, string>; headers?: Record<string, string> } = {},
): APIGatewayProxyEvent {
  const event = JSON.parse(readFileSync(new URL(`./events/${fixture}.json`, import.meta.url), 'utf8')) as APIGatewayProxyEvent;
  if (parts.rawBody !== undefined) event.body = parts.rawBody;
  else if (parts.body !== undefined) event.body = JSON.stringify(parts.body);
  if (parts.pathParameters) {
    event.pathParameters = parts.pathParameters;
    event.path = event.resource.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parts.pathParameters![name] ?? ''));
  }
  event.headers = { ...event.headers, ...parts.headers };
  return event;
}

/** A task input from `events/<fixture>.json` with some fields replaced. */
export function taskEvent(fixture: 'plan-run', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(readFileSync(new URL(`./events/${fixture}.json`, import.meta.url), 'utf8')) as Record<string, unknown>), ...overrides };
}

let invocation = 0;

/** A Lambda context as the runtime gives one, with plenty of time left. */
export function lambdaContext(functionName = 'tuopin-test'): Context {
  invocation += 1;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:cn-north-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: `request-${invocation}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 25_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** The parsed JSON body of a handler's response. */
export function bodyOf(response: { body: string }): any {
  return JSON.parse(response.body);
}
