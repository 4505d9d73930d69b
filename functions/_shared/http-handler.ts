import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { allowConsoleOrigin, consoleOrigin } from './console-origin.js';
import { httpErrorHandler } from './error-handler.js';
import { idempotency, type IdempotencyOptions } from './idempotency.js';
import { jsonResponse } from './json-response.js';
import { requestParser, type ParsedRequest } from './request-parser.js';
import { ROUTES, type RouteName } from './routes.js';
import { telemetry, type TelemetrySettings } from './telemetry.js';

/** An API Gateway (REST, proxy) handler as Lambda and the local server call it. */
export type HttpHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * The middy chain of an API function: logger → metrics → error handler → zod request parser →
 * (Idempotency-Key idempotency) → the use case, whose result is sent as a 200 JSON body. The
 * response is built inside the handler so that a replayed idempotent response is the same HTTP
 * response, not a bare DTO.
 */
export function httpHandler<N extends RouteName, R>(
  name: N,
  run: (request: ParsedRequest<(typeof ROUTES)[N]>) => Promise<R>,
  options: {
    idempotency?: Omit<IdempotencyOptions, 'keyPrefix' | 'eventKeyJmesPath' | 'payloadValidationJmesPath'>;
    telemetry?: TelemetrySettings;
    /** Turns the use case's result into the response; a 200 JSON body by default. */
    respond?: (result: R) => APIGatewayProxyResult;
  } = {},
): HttpHandler {
  const route = ROUTES[name];
  const tools = telemetry(name, options.telemetry);
  const middlewares: MiddlewareObj[] = [
    ...tools.middlewares,
    httpErrorHandler(tools),
    requestParser(route),
  ];
  if (options.idempotency) {
    middlewares.push(
      ...idempotency({
        ...options.idempotency,
        keyPrefix: name,
        // Only a request carrying Idempotency-Key is made idempotent: a later re-evaluation of
        // changed data must run again, a retry of the same call must not.
        eventKeyJmesPath: 'idempotencyKey && [idempotencyKey, params]',
        payloadValidationJmesPath: 'body',
      }),
    );
  }
  const handler = middy(async (request: ParsedRequest<(typeof ROUTES)[N]>) => {
    const result = await run(request);
    tools.metrics.addMetric('Requests', MetricUnit.Count, 1);
    return options.respond ? options.respond(result) : jsonResponse(200, result);
  });
  const chain = handler.use(middlewares) as unknown as HttpHandler;
  // Outside the chain, so that an answer replayed by idempotency or built by the error handler
  // carries the console's origin too.
  return async (event, context) => allowConsoleOrigin(await chain(event, context), consoleOrigin());
}
