import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { FAILURES_PREFIX } from '../src/kernel/nightly-objects.js';
import { isAdminRoute, ROUTE_TABLE, type RouteEntry, type RouteName } from '../functions/_shared/route-table.js';
import { EvaluationApi } from './constructs/evaluation-api.js';
import { ExportsBucket } from './constructs/exports-bucket.js';
import { NightlyPipeline } from './constructs/nightly-pipeline.js';
import { NightlySchedule } from './constructs/nightly-schedule.js';
import { RunAlarms } from './constructs/run-alarms.js';
import { TuopinFunction } from './constructs/tuopin-function.js';
import { grantTableAccess } from './constructs/table-access.js';
import { TuopinTable } from './constructs/tuopin-table.js';
import { WebConsole } from './constructs/web-console.js';
import { FUNCTION_ACCESS } from './function-access.js';
import type { PipelineSettings } from './pipeline-settings.js';
import type { StageConfig } from './stage.js';

export interface TuopinStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly pipeline: PipelineSettings;
  /** One officer may approve their own rule-set draft (a small county); otherwise an approver must. */
  readonly allowSelfApproval?: boolean;
}

/** The time zone of the schedule, and the one the plan reads the quarter in. */
export const RUN_TIME_ZONE = 'Asia/Shanghai';

/** Tuopin on AWS: the table, the nightly Step Functions run and its schedule, the API, exports, alarms. */
export class TuopinStack extends Stack {
  constructor(scope: Construct, id: string, props: TuopinStackProps) {
    super(scope, id, props);
    const { stage, pipeline } = props;
    const { table } = new TuopinTable(this, 'Store', { protectData: stage.protectData });
    const exports = new ExportsBucket(this, 'Exports', { protectData: stage.protectData });

    // Each function gets exactly the table keys and actions of its use case (function-access.ts).
    const lambda = (name: string, description: string, timeout: Duration, environment: Record<string, string> = {}, memorySize = 1024) => {
      const access = FUNCTION_ACCESS[name];
      if (!access) throw new Error(`function-access.ts names no table access for ${name}`);
      const created = new TuopinFunction(this, name, {
        name,
        description,
        timeout,
        memorySize,
        environment: { TABLE_NAME: table.tableName, RUN_TIME_ZONE, ...environment },
        logRetention: stage.logRetention,
        removeLogsWithStack: !stage.protectData,
      });
      grantTableAccess(created.role, table, access);
      return created.function;
    };

    const functions = {
      planRun: lambda('plan-run', 'Pins the rule-set versions and writes the village batches to the bucket', Duration.minutes(2), {
        RUN_BATCH_SIZE: String(pipeline.batchSize),
        NIGHTLY_BUCKET: exports.bucket.bucketName,
      }),
      scoreVillageBatch: lambda('score-village-batch', 'Scores one batch of villages with the pinned versions', Duration.minutes(5)),
      aggregateCounty: lambda('aggregate-county', 'Judges one county from its village tallies', Duration.minutes(1)),
      accountCounty: lambda('account-county', "Scores one county's townships and assisting units", Duration.minutes(2)),
      finishRun: lambda('finish-run', "Sums the Maps' result files and writes the run record", Duration.minutes(1), { NIGHTLY_BUCKET: exports.bucket.bucketName }, 256),
    };
    // One function per route of functions/_shared/route-table.ts, the table the local server serves too.
    // The run routes read back a run's failed villages when its record keeps them in the bucket.
    const readsRunFailures = (name: RouteName) => name === 'get-run' || name === 'get-runs';
    const routes = (Object.entries(ROUTE_TABLE) as [RouteName, RouteEntry][]).map(([name, route]) => ({
      name,
      // Publishing runs the gate's impact preview over the store: it gets more time.
      handler: lambda(name, `${route.method} ${route.path}`, isAdminRoute(route) ? Duration.minutes(5) : Duration.seconds(25), {
        ...(readsRunFailures(name) ? { NIGHTLY_BUCKET: exports.bucket.bucketName } : {}),
        ...(isAdminRoute(route) ? { ALLOW_SELF_APPROVAL: String(props.allowSelfApproval ?? false) } : {}),
      }),
    }));
    const runFailures = exports.bucket.arnForObjects(`${FAILURES_PREFIX}*`);
    functions.finishRun.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [runFailures] }));
    for (const route of routes.filter((r) => readsRunFailures(r.name))) route.handler.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [runFailures] }));

    const { stateMachine } = new NightlyPipeline(this, 'Nightly', {
      functions,
      settings: pipeline,
      bucket: exports.bucket,
      logRetention: stage.logRetention,
      removeLogsWithStack: !stage.protectData,
    });
    const schedule = new NightlySchedule(this, 'NightlySchedule', { stateMachine, timeZone: RUN_TIME_ZONE });
    const alarms = new RunAlarms(this, 'Alarms', { stateMachine, deadLetterQueue: schedule.deadLetterQueue });
    const evaluationApi = new EvaluationApi(this, 'Evaluation', {
      stageName: stage.name,
      routes,
      logRetention: stage.logRetention,
      removeLogsWithStack: !stage.protectData,
    });

    new WebConsole(this, 'Console', {
      api: evaluationApi.api,
      apiFunctions: routes.map((route) => route.handler),
      stageName: stage.name,
      protectData: stage.protectData,
      logRetention: stage.logRetention,
    });

    new CfnOutput(this, 'ApiUrl', { value: evaluationApi.api.url });
    new CfnOutput(this, 'ApiInvokePolicyArn', { value: evaluationApi.invokePolicy.managedPolicyArn });
    new CfnOutput(this, 'PolicyStaffPolicyArn', { value: evaluationApi.policyStaffPolicy.managedPolicyArn });
    new CfnOutput(this, 'ApproverPolicyArn', { value: evaluationApi.approverPolicy.managedPolicyArn });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'ExportsBucketName', { value: exports.bucket.bucketName });
    new CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
  }
}
