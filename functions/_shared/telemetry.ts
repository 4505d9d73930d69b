import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export interface Telemetry {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * The logger and metrics of one function. `operation` is a default log key and metric
 * dimension, so the local server (every handler in one process) logs like the Lambdas do.
 */
export function telemetry(operation: string): Telemetry {
  const logger = new Logger({ serviceName: 'tuopin', persistentKeys: { operation } });
  // Metrics' own warnings (such as a replayed request with nothing to publish) go through our
  // logger, so they follow its level.
  return { logger, metrics: new Metrics({ namespace: 'Tuopin', serviceName: 'tuopin', defaultDimensions: { operation }, logger }) };
}
