import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { TuopinError } from '../../src/kernel/errors.js';
import { taskErrorLogger } from './error-handler.js';
import { idempotency, type IdempotencyOptions } from './idempotency.js';
import { telemetry, type TelemetrySettings } from './telemetry.js';

/** A state-machine task as Lambda calls it. */
export type TaskHandler<R> = (event: unknown, context: Context) => Promise<R>;

/** The task's input is not what the state machine should send: a bug of the definition. */
export class TaskInputInvalidError extends TuopinError {
  constructor(task: string, issues: readonly string[]) {
    super('TASK_INPUT_INVALID', `${task} got an invalid input: ${issues.join('; ')}`);
  }
}

function inputParser(name: string, schema: z.ZodType): MiddlewareObj {
  return {
    before: (request) => {
      const parsed = schema.safeParse(request.event);
      if (!parsed.success) throw new TaskInputInvalidError(name, parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`));
      request.event = parsed.data;
    },
  };
}

/**
 * The middy chain of a state-machine task: logger → metrics → error logger → zod input parser →
 * (idempotency on the whole parsed input) → the use case. Errors propagate to Step Functions,
 * which retries them.
 */
export function taskHandler<S extends z.ZodType, R>(
  name: string,
  schema: S,
  run: (input: z.output<S>) => Promise<R>,
  options: { idempotency?: Omit<IdempotencyOptions, 'keyPrefix'>; telemetry?: TelemetrySettings } = {},
): TaskHandler<R> {
  const tools = telemetry(name, options.telemetry);
  const middlewares: MiddlewareObj[] = [
    ...tools.middlewares,
    taskErrorLogger(tools),
    inputParser(name, schema),
  ];
  if (options.idempotency) middlewares.push(...idempotency({ ...options.idempotency, keyPrefix: name }));
  const handler = middy(async (input: z.output<S>) => {
    const result = await run(input);
    tools.metrics.addMetric('Tasks', MetricUnit.Count, 1);
    return result;
  });
  return handler.use(middlewares) as unknown as TaskHandler<R>;
}
