import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface LoggedCommand {
  /** e.g. `BatchWriteItemCommand`, `QueryCommand`. */
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/** The commands a client sends, as the stores built them (before marshalling), to count calls and writes. */
export interface CommandLog {
  readonly commands: LoggedCommand[];
  named(name: string): LoggedCommand[];
  /** Puts and deletes sent in BatchWriteItem calls. */
  batchWrites(): number;
  clear(): void;
}

/** Adds a logging middleware to the client (for the test file's lifetime). */
export function logCommands(client: DynamoDBClient): CommandLog {
  const commands: LoggedCommand[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push({ name: String(context.commandName), input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'tuopinTestCommandLog' },
  );
  const named = (name: string) => commands.filter((c) => c.name === name);
  return {
    commands,
    named,
    batchWrites: () =>
      named('BatchWriteItemCommand')
        .flatMap((c) => Object.values(c.input.RequestItems as Record<string, unknown[]>))
        .reduce((sum, requests) => sum + requests.length, 0),
    clear: () => commands.splice(0),
  };
}
