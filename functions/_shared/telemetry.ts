import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { MiddlewareObj } from '@middy/core';

/** How the functions log and count: passed in, so `tuopin serve` needs no environment variable. */
export interface TelemetrySettings {
  /** Powertools' level (DEBUG … SILENT); Powertools' own environment variables when absent. */
  readonly logLevel?: string | undefined;
  /** Publish CloudWatch metrics (the deployed functions); `serve` prints none. */
  readonly metrics: boolean;
}

/** The Lambdas' settings: level and metrics as Powertools reads them from the function's environment. */
export const LAMBDA_TELEMETRY: TelemetrySettings = { metrics: true };

export interface Telemetry {
  readonly logger: Logger;
  readonly metrics: { addMetric(...metric: Parameters<Metrics['addMetric']>): unknown };
  /** The logger's and, when published, the metrics' middlewares, first in every chain. */
  readonly middlewares: MiddlewareObj[];
}

/**
 * The logger and metrics of one function. `operation` is a default log key and metric
 * dimension, so the local server (every handler in one process) logs like the Lambdas do.
 */
export function telemetry(operation: string, settings: TelemetrySettings = LAMBDA_TELEMETRY): Telemetry {
  const logger = new Logger({ serviceName: 'tuopin', persistentKeys: { operation }, ...(settings.logLevel ? { logLevel: settings.logLevel as never } : {}) });
  const middlewares: MiddlewareObj[] = [injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj];
  if (!settings.metrics) return { logger, metrics: { addMetric: () => {} }, middlewares };
  // Metrics' own warnings (such as a replayed request with nothing to publish) go through our
  // logger, so they follow its level.
  const metrics = new Metrics({ namespace: 'Tuopin', serviceName: 'tuopin', defaultDimensions: { operation }, logger });
  middlewares.push(logMetrics(metrics, { captureColdStartMetric: true }) as MiddlewareObj);
  return { logger, metrics, middlewares };
}
