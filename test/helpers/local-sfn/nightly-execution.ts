import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { parseConfig } from '../../../functions/_shared/config.js';
import { clientsOf, rootConfigOf, type Clients } from '../../../functions/_shared/clients.js';
import { createS3Client, s3ObjectStore } from '../../../src/adapters/s3/s3-object-store.js';
import type { CompositionRoot } from '../../../src/composition/composition-root.js';
import { openDynamoRoot } from '../../../src/composition/open-dynamo-root.js';
import type { ObjectStore } from '../../../src/ports/object-store.js';
import { synthStack } from '../../infra/synth-stack.js';
import { deployedDefinition, type TaskFunctionName } from './deployed-definition.js';
import { historySummary, type ExecutionHistory } from './execution-history.js';
import { startLocalS3, type LocalS3 } from './local-s3.js';
import { LocalExecutionFailedError, runLocalExecution } from './local-state-machine.js';

/** The local bucket's name, in place of the exports bucket's. */
export const LOCAL_BUCKET = 'tuopin-exports-local';

const HANDLERS: Readonly<Record<TaskFunctionName, () => Promise<{ makeHandler: (clients: Clients) => (event: unknown, context: Context) => Promise<unknown> }>>> = {
  'plan-run': () => import('../../../functions/plan-run.js'),
  'score-village-batch': () => import('../../../functions/score-village-batch.js'),
  'aggregate-county': () => import('../../../functions/aggregate-county.js'),
  'account-county': () => import('../../../functions/account-county.js'),
  'finish-run': () => import('../../../functions/finish-run.js'),
};

/** Turns a function's DynamoDB client faulty before its handler is built (the test's fault injection). */
export type ClientFault = (name: TaskFunctionName, client: DynamoDBClient) => void;

export interface LocalNightly {
  readonly s3: LocalS3;
  readonly objects: ObjectStore;
  /** Starts an execution of the deployed definition and waits for it. */
  execute(input: Record<string, unknown>, executionName: string): Promise<LocalExecutionResult>;
  close(): Promise<void>;
}

export interface LocalExecutionResult {
  readonly output: unknown;
  /** The execution's error when it failed (`RunFailed`, `RunAborted`, …). */
  readonly failure: { readonly error: string; readonly cause: string } | null;
  readonly histories: readonly ExecutionHistory[];
  readonly summary: ReturnType<typeof historySummary>;
  readonly seconds: number;
}

let invocation = 0;
const lambdaContext = (functionName: string): Context =>
  ({
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: `local-${(invocation += 1)}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 300_000,
    callbackWaitsForEmptyEventLoop: true,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  }) as Context;

/**
 * The nightly state machine as deployed, on this machine: the definition synthesized from the
 * stack, each task function's real handler (`makeHandler`) built like a Lambda container with
 * the environment the stack gives it (table and bucket names replaced by the local ones), the
 * table at `dynamoEndpoint` and the bucket on an in-process S3-compatible server. Events and
 * results cross the handler boundary as JSON, as they cross Lambda's.
 */
export async function startLocalNightly(options: {
  readonly tableName: string;
  /** The table's endpoint: each function opens its own root on it, as each Lambda container has its own clients. */
  readonly dynamoEndpoint?: string;
  /** Or one root every function shares, as `tuopin serve` shares one (the caller closes it). */
  readonly root?: CompositionRoot & { readonly client: DynamoDBClient };
  readonly fault?: ClientFault;
  readonly context?: Record<string, unknown>;
}): Promise<LocalNightly> {
  const template = synthStack(options.context);
  const { definition, functionNames } = deployedDefinition(template, LOCAL_BUCKET);
  const s3 = await startLocalS3();
  const objects = s3ObjectStore(createS3Client({ bucket: LOCAL_BUCKET, endpoint: s3.endpoint }), LOCAL_BUCKET);
  const functionResources = template.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Environment?: { Variables?: Record<string, unknown> } } }>;
  const closers: (() => Promise<void>)[] = [s3.close];
  const lambdas = new Map<string, (event: unknown) => Promise<unknown>>();
  for (const [arn, name] of functionNames) {
    const logicalId = arn.slice(arn.lastIndexOf(':') + 1);
    // The stack's environment, with each token (the table's and the bucket's names) made local.
    const environment = Object.fromEntries(
      Object.entries(functionResources[logicalId]!.Properties.Environment?.Variables ?? {}).map(([key, value]) => [key, typeof value === 'string' ? value : key === 'TABLE_NAME' ? options.tableName : LOCAL_BUCKET]),
    );
    const settings = parseConfig({ ...environment, ...(options.dynamoEndpoint ? { DYNAMODB_ENDPOINT: options.dynamoEndpoint } : {}), S3_ENDPOINT: s3.endpoint });
    let root = options.root;
    if (root === undefined) {
      const opened = await openDynamoRoot(rootConfigOf(settings));
      closers.push(() => opened.close());
      root = opened;
    }
    options.fault?.(name as TaskFunctionName, root.client);
    const handler = (await HANDLERS[name as TaskFunctionName]()).makeHandler(clientsOf(root, settings, { logLevel: 'SILENT', metrics: false }));
    lambdas.set(arn, async (event) => JSON.parse(JSON.stringify((await handler(JSON.parse(JSON.stringify(event)), lambdaContext(name))) ?? null)) as unknown);
  }
  return {
    s3,
    objects,
    async execute(input, executionName) {
      const histories: ExecutionHistory[] = [];
      const started = process.hrtime.bigint();
      let output: unknown = null;
      let failure: LocalExecutionResult['failure'] = null;
      try {
        output = await runLocalExecution(definition, input, executionName, { lambdas, objects, histories, retryWaitMs: 0 });
      } catch (error) {
        if (!(error instanceof LocalExecutionFailedError)) throw error;
        failure = { error: error.error, cause: error.cause };
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { output, failure, histories, summary: historySummary(histories), seconds };
    },
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
