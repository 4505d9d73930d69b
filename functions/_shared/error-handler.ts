import type { MiddlewareObj } from '@middy/core';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { errorCode, errorResponse } from './http-errors.js';
import type { Telemetry } from './telemetry.js';

/**
 * The one place an error becomes an HTTP response (handlers have no try/catch). Known codes map
 * to 4xx with their message; anything else is logged with its stack and answered with a bare 500.
 * It sits after the logger and metrics in the chain, so its onError runs before theirs.
 */
export function httpErrorHandler({ logger, metrics }: Telemetry): MiddlewareObj {
  return {
    onError: (request) => {
      const requestId = (request.context as Context).awsRequestId ?? 'unknown';
      const response = errorResponse(request.error, requestId);
      if (response.statusCode >= 500) {
        logger.error('request failed', { requestId, error: request.error as Error });
        metrics.addMetric('ServerErrors', MetricUnit.Count, 1);
      } else {
        logger.info('request refused', { requestId, code: errorCode(request.error), status: response.statusCode });
        metrics.addMetric('ClientErrors', MetricUnit.Count, 1);
      }
      // Set, not returned: returning would skip the metrics and logger onError hooks that
      // run after this one and publish what was recorded above.
      request.response = response;
    },
  };
}

/** For state-machine tasks: logs the failure with its stack and lets it propagate, so Step Functions retries it. */
export function taskErrorLogger({ logger, metrics }: Telemetry): MiddlewareObj {
  return {
    onError: (request) => {
      logger.error('task failed', { error: request.error as Error });
      metrics.addMetric('TaskErrors', MetricUnit.Count, 1);
    },
  };
}
