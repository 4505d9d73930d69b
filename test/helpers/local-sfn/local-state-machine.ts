import { randomUUID } from 'node:crypto';
import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { ObjectStore } from '../../../src/ports/object-store.js';
import { recordHistory, type AttemptKind, type ExecutionHistory } from './execution-history.js';
import { LOCAL_ACCOUNT } from './deployed-definition.js';
import { writeMapRunResults, type ChildRecord } from './result-writer.js';

/*
 * Runs an Amazon States Language definition with aws-local-stepfunctions, which interprets every
 * state, path, Retry and Catch of it but has no Distributed Map: no ItemReader, ResultWriter,
 * ToleratedFailurePercentage or child executions (its docs list them as unsupported). The shim
 * closes that gap, and only that: each DISTRIBUTED Map state is handed to the library as a Task
 * state of the same name with the same InputPath, ResultSelector, ResultPath, OutputPath,
 * Retry, Catch and Next, whose local handler does what the Map Run does —
 *   1. reads the items as the ItemReader says (its Parameters evaluated by the library against
 *      the state's input; GetObject on the object store; JSON array);
 *   2. evaluates ItemSelector per item with `$$.Map.Item` set (by the library, as a Pass state);
 *   3. runs the ItemProcessor once per item as a child execution of its own (with this same
 *      runner), at most MaxConcurrency at a time;
 *   4. writes the children as the ResultWriter does (`<Prefix>/<map run id>/manifest.json` and
 *      SUCCEEDED_0.json / FAILED_0.json, each child with Status, Input, Output or Error and
 *      Cause) and returns `{MapRunArn, ResultWriterDetails: {Bucket, Key}}`;
 *   5. fails with States.ExceedToleratedFailureThreshold when more children failed than
 *      ToleratedFailurePercentage / ToleratedFailureCount allow (none at all when both are absent).
 * Lambda Task states call the handler of the function their Resource names; a Task state without
 * TimeoutSeconds gets no timeout, as on Step Functions (the library would apply 60 s).
 */

type Json = Record<string, unknown>;
type Handler = (event: unknown) => Promise<unknown>;

export interface LocalRunnerOptions {
  /** The handler of each function the definition invokes, by its Resource ARN. */
  readonly lambdas: ReadonlyMap<string, Handler>;
  readonly objects: ObjectStore;
  /** Every execution's history, appended as executions start. */
  readonly histories: ExecutionHistory[];
  /** Waits before retries, in ms, instead of IntervalSeconds × BackoffRate (0 in tests and the bench). */
  readonly retryWaitMs: number;
}

// aws-local-stepfunctions 3 is built for Node 22 and calls Promise.withResolvers (Node 22's);
// the project runs on Node 20, so it gets the standard definition here when it is missing.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** A failed execution: the error and cause Step Functions would report. */
export class LocalExecutionFailedError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(`execution failed: ${error}: ${cause}`);
    this.name = error;
  }
}

/** An error a state raises, named as Step Functions names it (States.*), so Retry and Catch match it. */
class StatesError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * A Task without TimeoutSeconds has none on Step Functions (99,999,999 s), but the library
 * applies the States Language spec's 60 s; it gets the longest wait a Node timer takes instead.
 */
const NO_TASK_TIMEOUT_SECONDS = Math.floor(0x7fffffff / 1000);

const isDistributed = (state: Json) => state.Type === 'Map' && ((state.ItemProcessor as Json | undefined)?.ProcessorConfig as Json | undefined)?.Mode === 'DISTRIBUTED';

/** Evaluates a Parameters template (or an InputPath) with the library itself, as a Pass state would. */
async function evaluate(pass: Json, input: unknown, context: Json): Promise<unknown> {
  const machine = new StateMachine({ StartAt: 'Evaluate', States: { Evaluate: { Type: 'Pass', ...pass, End: true } } } as unknown as StateMachineDefinition, { validationOptions: { noValidate: true } });
  return machine.run(input as never, { context }).result;
}

async function pool<T, R>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** The Map Run of one DISTRIBUTED Map state, on the state's effective input. */
async function runDistributedMap(name: string, state: Json, input: unknown, context: Json, options: LocalRunnerOptions): Promise<unknown> {
  let items: unknown;
  const reader = state.ItemReader as Json | undefined;
  if (reader) {
    const where = (await evaluate({ Parameters: reader.Parameters }, input, context)) as { Bucket: string; Key: string };
    if (where.Bucket !== options.objects.bucket) throw new StatesError('States.ItemReaderFailed', `bucket ${where.Bucket} is not the local bucket`);
    if ((reader.ReaderConfig as Json | undefined)?.InputType !== 'JSON') throw new StatesError('States.ItemReaderFailed', 'only JSON item files are read here');
    items = JSON.parse(await options.objects.get(where.Key));
  } else {
    items = await evaluate({ InputPath: state.ItemsPath ?? '$' }, input, context);
  }
  if (!Array.isArray(items)) throw new StatesError('States.ItemReaderFailed', `${name}: the items are not an array`);

  const processor = { ...(state.ItemProcessor as Json) };
  delete processor.ProcessorConfig;
  const mapRunId = randomUUID();
  const children = await pool(items, (state.MaxConcurrency as number | undefined) || 1000, async (item, index): Promise<ChildRecord> => {
    const childInput = state.ItemSelector ? await evaluate({ Parameters: state.ItemSelector }, input, { ...context, Map: { Item: { Index: index, Value: item } } }) : item;
    const childName = `${mapRunId}:${index}`;
    const startDate = new Date().toISOString();
    try {
      const output = await runLocalExecution(processor, childInput, childName, options, true);
      return { Name: childName, Status: 'SUCCEEDED', Input: JSON.stringify(childInput), Output: JSON.stringify(output), StartDate: startDate, StopDate: new Date().toISOString() };
    } catch (error) {
      if (!(error instanceof LocalExecutionFailedError)) throw error;
      return { Name: childName, Status: 'FAILED', Input: JSON.stringify(childInput), Error: error.error, Cause: error.cause, StartDate: startDate, StopDate: new Date().toISOString() };
    }
  });

  const failed = children.filter((child) => child.Status === 'FAILED').length;
  const percentage = state.ToleratedFailurePercentage as number | undefined;
  const count = state.ToleratedFailureCount as number | undefined;
  const exceeded = percentage === undefined && count === undefined ? failed > 0 : (percentage !== undefined && (failed * 100) / Math.max(1, children.length) > percentage) || (count !== undefined && failed > count);

  let output: unknown = children.map((child) => (child.Output === undefined ? null : JSON.parse(child.Output)));
  const writer = state.ResultWriter as Json | undefined;
  if (writer) {
    const where = (await evaluate({ Parameters: writer.Parameters }, input, context)) as { Bucket: string; Prefix?: string };
    if (where.Bucket !== options.objects.bucket) throw new StatesError('States.ResultWriterFailed', `bucket ${where.Bucket} is not the local bucket`);
    output = await writeMapRunResults(options.objects, name, where.Prefix, children, mapRunId);
  }
  if (exceeded) throw new StatesError('States.ExceedToleratedFailureThreshold', `${name}: ${failed} of ${children.length} child executions failed`);
  return output;
}

/**
 * Runs one execution of `definition` on `input` and returns its output; a failed execution is
 * `LocalExecutionFailedError`. Its history (and its children's) is appended to `options.histories`.
 */
export async function runLocalExecution(definition: Json, input: unknown, executionName: string, options: LocalRunnerOptions, child = false): Promise<unknown> {
  const states: Json = {};
  const handlers: Record<string, (input: never) => Promise<never>> = {};
  const kinds = new Map<string, AttemptKind>();
  const context: Json = { Execution: { Id: `arn:aws:states:${LOCAL_ACCOUNT.region}:${LOCAL_ACCOUNT.account}:execution:local:${executionName}`, Name: executionName, StartTime: new Date().toISOString() } };
  for (const [name, state] of Object.entries(definition.States as Record<string, Json>)) {
    if (isDistributed(state)) {
      const { InputPath, ResultSelector, ResultPath, OutputPath, Retry, Catch, Next, End } = state;
      states[name] = Object.fromEntries(Object.entries({ Type: 'Task', Resource: `arn:aws:states:::map:${name}`, TimeoutSeconds: NO_TASK_TIMEOUT_SECONDS, InputPath, ResultSelector, ResultPath, OutputPath, Retry, Catch, Next, End }).filter(([, v]) => v !== undefined));
      handlers[name] = ((effective: unknown) => runDistributedMap(name, state, effective, context, options)) as never;
      kinds.set(name, 'distributed-map');
      continue;
    }
    if (state.Type === 'Map' || state.Type === 'Parallel') throw new Error(`${name}: only Distributed Maps are nested in the nightly definition`);
    states[name] = state.Type === 'Task' && state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined ? { ...state, TimeoutSeconds: NO_TASK_TIMEOUT_SECONDS } : state;
    if (state.Type === 'Task') {
      const lambda = options.lambdas.get(state.Resource as string);
      if (!lambda) throw new Error(`${name}: no local handler for ${String(state.Resource)}`);
      handlers[name] = lambda as never;
      kinds.set(name, 'lambda');
    }
  }
  const history: ExecutionHistory = { name: executionName, child, events: 0, largestPayloadBytes: 0, retries: 0 };
  options.histories.push(history);
  const machine = new StateMachine({ ...definition, States: states } as unknown as StateMachineDefinition, { validationOptions: { checkArn: false } });
  const retryIntervalOverrides = Object.fromEntries(Object.keys(states).map((name) => [name, options.retryWaitMs]));
  const execution = machine.run(input as never, { overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides }, context });
  const recorded = recordHistory(history, execution.eventLogs, kinds);
  try {
    return await execution.result;
  } catch (error) {
    if (!(error instanceof ExecutionError)) throw error;
    const cause = (error as { cause?: { name?: string; message?: string } }).cause;
    throw new LocalExecutionFailedError(cause?.name ?? 'States.Runtime', cause?.message ?? error.message);
  } finally {
    await recorded;
  }
}
