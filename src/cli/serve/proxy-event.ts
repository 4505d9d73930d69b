import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type { LocalCaller } from './credentials.js';
import type { MatchedRoute } from './router.js';

/**
 * The REST API (v1) proxy event API Gateway would send for a request: the shape the handlers
 * take, with the verified caller where IAM authorisation puts it (`requestContext.identity`).
 */
export function toProxyEvent(request: IncomingMessage, url: URL, route: MatchedRoute, body: string, requestId: string, caller: LocalCaller): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!;
    const value = request.rawHeaders[i + 1]!;
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query = [...url.searchParams.keys()];
  const method = request.method ?? 'GET';
  return {
    resource: route.resource,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.length ? Object.fromEntries(url.searchParams) : null,
    multiValueQueryStringParameters: query.length ? Object.fromEntries(query.map((k) => [k, url.searchParams.getAll(k)])) : null,
    pathParameters: route.pathParameters,
    stageVariables: null,
    body: body.length ? body : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: null,
      httpMethod: method,
      path: url.pathname,
      protocol: `HTTP/${request.httpVersion}`,
      requestId,
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: route.resource,
      stage: 'local',
      identity: {
        accessKey: caller.accessKeyId,
        accountId: '000000000000',
        apiKey: null,
        apiKeyId: null,
        caller: caller.name,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        user: caller.name,
        userAgent: request.headers['user-agent'] ?? null,
        userArn: caller.arn,
      },
    },
  };
}

/** A Lambda context for one local invocation, with the API Gateway timeout as the time left. */
export function localContext(functionName: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/local/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
