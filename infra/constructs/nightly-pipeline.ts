import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  DistributedMap,
  Fail,
  JitterType,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { NIGHTLY_PREFIXES, RESULT_PREFIXES } from '../../src/kernel/nightly-objects.js';
import type { PipelineSettings } from '../pipeline-settings.js';
import { PrefixJsonItemReader, PrefixResultWriter } from './scoped-map-io.js';

/** The five task functions of a nightly run. */
export interface NightlyFunctions {
  readonly planRun: IFunction;
  readonly scoreVillageBatch: IFunction;
  readonly aggregateCounty: IFunction;
  readonly accountCounty: IFunction;
  readonly finishRun: IFunction;
}

export interface NightlyPipelineProps {
  readonly functions: NightlyFunctions;
  readonly settings: PipelineSettings;
  /** The exports bucket: the plan's work lists and the Maps' result files (src/use-cases/nightly/run-objects.ts). */
  readonly bucket: IBucket;
  readonly logRetention: RetentionDays;
  readonly removeLogsWithStack: boolean;
}

/** What every task after the plan is told about the run it belongs to. */
const RUN_FIELDS = { 'runId.$': '$.runId', 'quarter.$': '$.quarter', 'ruleSetVersions.$': '$.ruleSetVersions' };

/**
 * plan → Distributed Map over village batches → Distributed Map over counties (aggregate, then
 * accountability) → run record. The plan pins the rule-set versions in force and every later
 * task receives `ruleSetVersions`, so a version published mid-run changes nothing in it.
 * No list grows in the state: the plan writes its batches and counties to the bucket, each Map
 * reads its list with an ItemReader and writes its children's results with a ResultWriter, and
 * finish-run reads those files. The state carries keys and counts, whatever the province.
 */
export class NightlyPipeline extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: NightlyPipelineProps) {
    super(scope, id);
    const { functions, settings, bucket } = props;
    // Each task reads or writes only its prefix: the plan writes the work lists, finish-run reads the results.
    functions.planRun.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${NIGHTLY_PREFIXES.plans}*`)] }));
    functions.finishRun.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${NIGHTLY_PREFIXES.results}*`)] }));

    const plan = new LambdaInvoke(this, 'PlanRun', {
      lambdaFunction: functions.planRun,
      payloadResponseOnly: true,
      payload: TaskInput.fromObject({ 'request.$': '$', 'runId.$': '$$.Execution.Name', 'startedAt.$': '$$.Execution.StartTime' }),
    });

    const scoreBatch = new LambdaInvoke(this, 'ScoreVillageBatch', {
      lambdaFunction: functions.scoreVillageBatch,
      payloadResponseOnly: true,
      // Our own retry below covers the Lambda service errors too, with the configured backoff.
      retryOnServiceExceptions: false,
    });
    scoreBatch.addRetry({
      errors: ['States.ALL'],
      interval: Duration.seconds(settings.batchRetryIntervalSeconds),
      maxAttempts: settings.batchRetries,
      backoffRate: settings.batchBackoffRate,
      jitterStrategy: JitterType.FULL,
    });
    const scoreVillages = new DistributedMap(this, 'ScoreVillages', {
      itemReader: new PrefixJsonItemReader({ bucket, key: JsonPath.stringAt('$.batchesKey'), prefix: NIGHTLY_PREFIXES.plans }),
      resultWriterV2: new PrefixResultWriter({ bucket, prefix: RESULT_PREFIXES.villages }),
      itemSelector: { ...RUN_FIELDS, 'countyId.$': '$$.Map.Item.Value.countyId', 'villageIds.$': '$$.Map.Item.Value.villageIds' },
      maxConcurrency: settings.maxConcurrency,
      toleratedFailurePercentage: settings.toleratedFailurePercentage,
      mapExecutionType: StateMachineType.STANDARD,
      label: 'ScoreVillages',
      resultPath: '$.batchResults',
    });
    scoreVillages.itemProcessor(scoreBatch);

    const aggregate = new LambdaInvoke(this, 'AggregateCounty', {
      lambdaFunction: functions.aggregateCounty,
      payloadResponseOnly: true,
      resultPath: '$.aggregate',
    });
    const account = new LambdaInvoke(this, 'AccountCounty', {
      lambdaFunction: functions.accountCounty,
      payloadResponseOnly: true,
      resultPath: '$.accountability',
    });
    // A Distributed Map too: an inline Map adds 12 events per county to the run's own history
    // (25,000 at most); here each county is a child execution with a history of its own.
    const counties = new DistributedMap(this, 'RollUpCounties', {
      itemReader: new PrefixJsonItemReader({ bucket, key: JsonPath.stringAt('$.countiesKey'), prefix: NIGHTLY_PREFIXES.plans }),
      resultWriterV2: new PrefixResultWriter({ bucket, prefix: RESULT_PREFIXES.counties }),
      itemSelector: { ...RUN_FIELDS, 'countyId.$': '$$.Map.Item.Value.countyId' },
      maxConcurrency: settings.countyConcurrency,
      mapExecutionType: StateMachineType.STANDARD,
      label: 'RollUpCounties',
      resultPath: '$.countyResults',
    });
    counties.itemProcessor(aggregate.next(account));

    const runFields = { ...RUN_FIELDS, 'startedAt.$': '$.startedAt' };
    const finish = new LambdaInvoke(this, 'FinishRun', {
      lambdaFunction: functions.finishRun,
      payloadResponseOnly: true,
      payload: TaskInput.fromObject({ ...runFields, 'batchResults.$': '$.batchResults', 'countyResults.$': '$.countyResults' }),
    });
    const recordFailure = new LambdaInvoke(this, 'RecordFailedRun', {
      lambdaFunction: functions.finishRun,
      payloadResponseOnly: true,
      payload: TaskInput.fromObject({ ...runFields, 'error.$': '$.error' }),
    });
    recordFailure.next(new Fail(this, 'RunAborted', { error: 'RunAborted', cause: 'a stage of the run failed; see the run record' }));
    scoreVillages.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
    counties.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });

    // A run with failed villages still writes what it could, then fails so the alarm sees it.
    const outcome = new Choice(this, 'CheckRunStatus')
      .when(Condition.stringEquals('$.status', 'succeeded'), new Succeed(this, 'Done'))
      .otherwise(new Fail(this, 'RunFailed', { error: 'RunFailed', cause: 'villages failed; see failedVillages in the run record' }));

    // Every other task is idempotent too (conditional run writes, changed-only verdicts, cards
    // keyed by quarter): a failure such as a throttled store is retried before the run gives up.
    for (const task of [plan, aggregate, account, finish, recordFailure]) {
      task.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(5), maxAttempts: 2, backoffRate: 2, jitterStrategy: JitterType.FULL });
    }

    // Execution logs: failures only, and never the execution data — the states' input and
    // output carry village ids, run results and error causes naming records. Which state failed,
    // when and with which error name is enough to find the run record that tells the rest.
    const logGroup = new LogGroup(this, 'Logs', {
      // Under /aws/vendedlogs/ so the log group's resource policy does not grow per state machine.
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-nightly`,
      retention: props.logRetention,
      removalPolicy: props.removeLogsWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(plan.next(scoreVillages).next(counties).next(finish).next(outcome)),
      timeout: Duration.hours(6),
      logs: { destination: logGroup, level: LogLevel.ERROR, includeExecutionData: false },
    });
  }
}
