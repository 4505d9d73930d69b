import { z } from 'zod';
import { TuopinError } from '../../src/kernel/errors.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';

const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};
const positiveInt = z.coerce.number().int().positive();

/** The functions' environment. Only what differs per deployment is required; the rest has defaults. */
export const ConfigSchema = z.object({
  /** The single table of the stores and of the idempotency records. */
  TABLE_NAME: z.string().min(1),
  /** The time zone the current quarter is read in (the schedule's: Asia/Shanghai). */
  RUN_TIME_ZONE: z.string().refine(isTimeZone, { error: 'expected an IANA time zone such as Asia/Shanghai' }),
  /** A DynamoDB endpoint other than AWS's (the local server's dynalite). */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** The exports bucket, where a nightly run keeps its plan and its Maps' results (plan-run, finish-run). */
  NIGHTLY_BUCKET: z.string().min(1).optional(),
  /** An S3 endpoint other than AWS's (a local S3-compatible server). */
  S3_ENDPOINT: z.url().optional(),
  RUN_BATCH_SIZE: positiveInt.default(25),
  /** Attempts per village inside a batch before it is reported as failed. */
  VILLAGE_ATTEMPTS: positiveInt.default(2),
  /** How long a batch result is replayed to a retry of the same batch. */
  TASK_IDEMPOTENCY_SECONDS: positiveInt.default(6 * 3600),
  /** How long a response is replayed to a retry carrying the same Idempotency-Key. */
  API_IDEMPOTENCY_SECONDS: positiveInt.default(3600),
  /** A small county's setting: one officer may approve their own rule-set draft (recorded as self-approved). */
  ALLOW_SELF_APPROVAL: z.enum(['true', 'false'], { error: 'expected true or false' }).default('false').transform((value) => value === 'true'),
  EVALUATOR: z.string().refine((name) => name in EVALUATORS, { error: `expected one of ${Object.keys(EVALUATORS).join(', ')}` }).default('compiled'),
});

export type Config = z.output<typeof ConfigSchema>;

/** The environment does not configure the function: raised at cold start, naming every variable at fault. */
export class ConfigInvalidError extends TuopinError {
  constructor(readonly problems: readonly string[]) {
    super('CONFIG_INVALID', `invalid function configuration: ${problems.join('; ')}`);
  }
}

/** Parses the environment; a missing or malformed variable fails here with its name. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigInvalidError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return env[name] === undefined ? `${name} is required` : `${name}: ${issue.message}`;
    }),
  );
}

let cached: Config | undefined;

/** The configuration of this container, read once from `process.env` at the first call (the cold start). */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
