import { parseArgs, type ParseArgsConfig } from 'node:util';
import { QuarterSchema } from '../../engine/quarter.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, with its errors turned into one-line usage errors. */
export function parseOptions<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

/** The value of a required option, or a usage error naming it. */
export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`--${name} is required`);
  return value;
}

/** `--quarter`, required and shaped like 2018Q4. */
export function quarterOption(values: Record<string, unknown>): string {
  const quarter = required(values, 'quarter');
  if (!QuarterSchema.safeParse(quarter).success) throw new UsageError(`--quarter must look like 2018Q4, got ${JSON.stringify(quarter)}`);
  return quarter;
}

/** A command line that cannot be run: printed as one line, exit status 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints a command's help on stdout: asked for, so exit status 0. */
export function printHelp(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
