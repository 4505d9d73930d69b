import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAdminRoute } from '../../functions/_shared/route-table.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { allStates, attachedManagedPolicyArns, policyStatements, stateMachineDefinition, synthStack } from './synth-stack.js';

let dev: Template;
let prod: Template;

// Two whole stacks, the console's upload included: more than the default minute on a busy machine.
beforeAll(() => {
  dev = synthStack();
  prod = synthStack({ stage: 'prod' });
}, 180_000);

const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);

describe('the table', () => {
  it('uses the adapters keys, on-demand capacity, point-in-time recovery, AWS-managed encryption and a TTL for idempotency records', () => {
    dev.resourceCountIs('AWS::DynamoDB::Table', 1);
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      // gsi1 copies only what its readers read: no verdict content, no tally (see TABLE_KEYS).
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'gsi1',
          KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['kind', 'data', 'quarter', 'countyId', 'hash', 'chunks'] },
        }),
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: Match.objectLike({ SSEEnabled: true }),
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('is protected from deletion and retained in prod only', () => {
    prod.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
    dev.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
  });
});

describe('the functions', () => {
  it('run one file of functions/ each on Node.js 22 on ARM, configured with the table name', () => {
    const all = Object.entries(dev.findResources('AWS::Lambda::Function'));
    // The console's upload (CDK's BucketDeployment, a Python function of its own) is not one of ours.
    const functions = all.filter(([id]) => !id.startsWith('CustomCDKBucketDeployment')).map(([, fn]) => fn);
    expect(all.length - functions.length).toBe(1);
    // The five nightly steps and one function per route.
    expect(functions).toHaveLength(5 + Object.keys(ROUTES).length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
      expect(fn.Properties.Environment.Variables).toMatchObject({ TABLE_NAME: { Ref: expect.stringMatching(/^StoreTable/) }, RUN_TIME_ZONE: 'Asia/Shanghai' });
    }
  });
});

/*
 * The one documented exception to "every resource named": Step Functions delivers execution
 * logs through CloudWatch Logs' vended log delivery, whose actions accept no resource but "*"
 * (README, "Deployment on AWS"). Nothing else may use "*".
 */
const LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
];
const DYNAMO_WRITES = ['dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:TransactWriteItems', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'];

const isStateMachineRole = (roles: readonly string[]) => roles.length > 0 && roles.every((role) => /^NightlyStateMachineRole/.test(role));
const leadingKeysOf = (statement: Record<string, unknown>): string[] | undefined =>
  (statement.Condition as { 'ForAllValues:StringLike'?: { 'dynamodb:LeadingKeys'?: string[] } } | undefined)?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];

/** The DynamoDB statements of one function's role, as `action → LeadingKeys patterns` (table and index apart). */
function tableAccessOf(template: Template, functionName: string) {
  const role = `${functionName.replace(/-/g, '')}Role`;
  const access: { table: Record<string, string[]>; index: Record<string, string[]> } = { table: {}, index: {} };
  for (const { roles, statement } of policyStatements(template)) {
    if (!roles.some((r) => r.startsWith(role))) continue;
    for (const action of asList(statement.Action).map(String).filter((a) => a.startsWith('dynamodb:'))) {
      const side = JSON.stringify(statement.Resource).includes('/index/') ? access.index : access.table;
      (side[action.slice('dynamodb:'.length)] ??= []).push(...(leadingKeysOf(statement) ?? ['(no condition)']));
    }
  }
  return access;
}

describe('the IAM policies', () => {
  it('are walked whole: every policy, role inline policies included, and no role attaches a managed policy the template does not hold', () => {
    expect(policyStatements(dev).length).toBeGreaterThan(50);
    // The basic execution role came as AWSLambdaBasicExecutionRole, whose statements a test cannot read.
    expect(attachedManagedPolicyArns(dev)).toEqual([]);
  });

  it('grant no wildcard action and no Scan', () => {
    for (const { policy, statement } of policyStatements(dev)) {
      for (const action of asList(statement.Action)) {
        expect(action, policy).not.toMatch(/(^\*$|:\*$)/);
        expect(action, policy).not.toBe('dynamodb:Scan');
      }
      expect(statement.NotAction, policy).toBeUndefined();
    }
  });

  it('name every resource, except the log-delivery actions of the state machine, which take none', () => {
    const starred = policyStatements(dev).filter(({ statement }) => asList(statement.Resource).includes('*') || statement.NotResource !== undefined);
    expect(starred).toHaveLength(1);
    expect(isStateMachineRole(starred[0]!.roles)).toBe(true);
    expect([...asList(starred[0]!.statement.Action)].sort()).toEqual(LOG_DELIVERY_ACTIONS);
  });

  it('bound every DynamoDB statement, reads and writes, by the leading keys of its use case, on the table and gsi1 only', () => {
    const dynamo = policyStatements(dev).filter(({ statement }) => asList(statement.Action).some((a) => String(a).startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThan(13);
    for (const { policy, statement } of dynamo) {
      expect(JSON.stringify(statement.Resource), policy).toMatch(/^\{"Fn::GetAtt":\["StoreTable\w+","Arn"\]\}$|\/index\/gsi1"\]\]\}$/);
      const patterns = leadingKeysOf(statement);
      expect(patterns, `${policy} ${JSON.stringify(statement.Action)}`).toBeDefined();
      // A pattern must begin with a fixed word of the key design: "*" alone would match every key.
      for (const pattern of patterns!) expect(pattern, policy).toMatch(/^[A-Z][A-Z-]*(#|S$|$)/);
      expect(Object.keys(statement.Condition as object), policy).toEqual(['ForAllValues:StringLike']);
    }
  });

  it("let only the publishing functions write rule-set items, and the draft steps their rule set's partition", () => {
    const publishing = ['post-rule-set-version', 'post-rule-set-rollback', 'post-rule-set-draft-approval'];
    const drafting = ['post-rule-set-draft', 'post-rule-set-draft-save', 'post-rule-set-draft-case-confirmation', 'post-rule-set-draft-submission', 'post-rule-set-draft-rejection', 'post-rule-set-draft-withdrawal'];
    for (const name of Object.keys(ROUTES).concat(['plan-run', 'score-village-batch', 'aggregate-county', 'account-county', 'finish-run'])) {
      const { table } = tableAccessOf(dev, name);
      const written = Object.entries(table).filter(([action]) => DYNAMO_WRITES.includes(`dynamodb:${action}`)).flatMap(([, patterns]) => patterns);
      const ruleSetKeys = [...new Set(written.filter((p) => p.startsWith('RULE-SET')))].sort();
      if (publishing.includes(name)) expect(ruleSetKeys, name).toEqual(['RULE-SET#*', 'RULE-SETS']);
      else if (drafting.includes(name)) expect(ruleSetKeys, name).toEqual(['RULE-SET#*']);
      else expect(ruleSetKeys, name).toEqual([]);
    }
  });

  it('give the evaluation routes only verdicts, tallies and their own idempotency records to write', () => {
    expect(tableAccessOf(dev, 'post-evaluation').table).toMatchObject({ BatchWriteItem: ['PARTITION#*', 'TALLY#*'] });
    expect(Object.keys(tableAccessOf(dev, 'post-evaluation').table).sort()).toEqual(['BatchWriteItem', 'GetItem', 'Query']);
    const reEvaluation = tableAccessOf(dev, 'post-village-re-evaluation').table;
    expect(reEvaluation.BatchWriteItem).toEqual(['PARTITION#*', 'TALLY#*']);
    for (const action of ['PutItem', 'UpdateItem', 'DeleteItem']) expect(reEvaluation[action], action).toEqual(['IDEMPOTENCY#post-village-re-evaluation']);
  });

  it('leave the validation route and every GET route without any write', () => {
    for (const name of ['post-rule-set-validation', 'post-rule-set-draft-case-run', 'get-verdicts', 'get-rule-sets', 'get-rule-set-versions', 'get-rule-set-history', 'get-rule-set-drafts', 'get-rule-set-draft', 'get-rule-set-draft-report']) {
      const { table, index } = tableAccessOf(dev, name);
      expect(Object.keys(table).filter((action) => DYNAMO_WRITES.includes(`dynamodb:${action}`)), name).toEqual([]);
      expect(Object.keys(index).filter((action) => action !== 'Query'), name).toEqual([]);
    }
    // A household's village from its record, the subject's verdicts from that partition (no index), their texts from their versions.
    expect(tableAccessOf(dev, 'get-verdicts')).toEqual({ table: { GetItem: ['RULE-SET#*', 'HOUSEHOLD#*'], Query: ['PARTITION#*'] }, index: {} });
  });

  it('let the batch task write its verdicts, tallies and idempotency records, and read households through gsi1', () => {
    const { table, index } = tableAccessOf(dev, 'score-village-batch');
    expect(table.BatchWriteItem).toEqual(['PARTITION#*', 'TALLY#*']);
    expect(table.PutItem).toEqual(['IDEMPOTENCY#score-village-batch']);
    expect(index).toEqual({ Query: ['VILLAGE#*#HOUSEHOLDS'] });
  });

  it('let each function write to its own log group only', () => {
    const functions = dev.findResources('AWS::Lambda::Function') as Record<string, { Properties: { Role: { 'Fn::GetAtt': [string, string] }; LoggingConfig: { LogGroup: { Ref: string } } } }>;
    for (const fn of Object.values(functions)) {
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const logs = policyStatements(dev).filter(({ roles, statement }) => roles.includes(role) && asList(statement.Action).some((a) => String(a).startsWith('logs:')));
      expect(logs, role).toHaveLength(1);
      expect(logs[0]!.statement.Resource, role).toEqual({ 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] });
      expect([...asList(logs[0]!.statement.Action)].sort(), role).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    }
  });
});

describe('the logs', () => {
  it('record one access-log line per API request with no personal field', () => {
    const [stage] = Object.values(dev.findResources('AWS::ApiGateway::Stage')) as { Properties: { AccessLogSetting: { Format: string; DestinationArn: unknown }; MethodSettings: Record<string, unknown>[] } }[];
    const format = JSON.parse(stage!.Properties.AccessLogSetting.Format) as Record<string, string>;
    expect(Object.values(format)).toEqual(expect.arrayContaining(['$context.requestId', '$context.resourcePath', '$context.status', '$context.responseLatency', '$context.identity.accountId', '$context.identity.caller']));
    // No source IP, user agent, concrete path (it holds subject ids), query string or body.
    for (const value of Object.values(format)) expect(value).not.toMatch(/sourceIp|userAgent|context\.path|querystring|requestOverride|body|user$|cognito/i);
    expect(JSON.stringify(stage!.Properties.AccessLogSetting.DestinationArn)).toMatch(/EvaluationAccessLogs/);
    // Execution logs (which would hold request and response bodies) stay off.
    expect(stage!.Properties.MethodSettings).toEqual([expect.objectContaining({ LoggingLevel: 'OFF', DataTraceEnabled: false })]);
    dev.hasResourceProperties('AWS::ApiGateway::Account', { CloudWatchRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EvaluationLoggingRole'), 'Arn'] } });
  });

  it('record the state machine\'s errors without execution data, which holds records', () => {
    dev.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Level: 'ERROR',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NightlyLogs'), 'Arn'] } } }],
      },
    });
  });
});

describe('the nightly state machine', () => {
  it('maps over the village batches in a distributed Map with a concurrency cap, a failure tolerance and a retry with backoff', () => {
    const states = allStates(stateMachineDefinition(dev));
    const distributed = states.filter((s) => s.Type === 'Map' && (s.ItemProcessor as { ProcessorConfig?: { Mode?: string } }).ProcessorConfig?.Mode === 'DISTRIBUTED');
    expect(distributed.map((s) => s.Label)).toEqual(['ScoreVillages', 'RollUpCounties']);
    const map = distributed[0]!;
    expect(map).toMatchObject({ MaxConcurrency: 40, ToleratedFailurePercentage: 5, ItemReader: { Parameters: { 'Key.$': '$.batchesKey' } } });
    const [task] = allStates(map.ItemProcessor as Record<string, unknown>);
    expect(task!.Retry).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 3, BackoffRate: 2 })]);
  });

  it('passes the pinned rule-set versions to every batch', () => {
    const map = allStates(stateMachineDefinition(dev)).find((s) => s.Label === 'ScoreVillages')!;
    expect(map.ItemSelector).toMatchObject({ 'ruleSetVersions.$': '$.ruleSetVersions', 'villageIds.$': '$$.Map.Item.Value.villageIds' });
  });

  it('takes its concurrency, tolerance and retries from the context', () => {
    const template = synthStack({ maxConcurrency: 80, toleratedFailurePercentage: 10, batchRetries: 5, batchBackoffRate: 3 });
    const map = allStates(stateMachineDefinition(template)).find((s) => s.Label === 'ScoreVillages')!;
    expect(map).toMatchObject({ MaxConcurrency: 80, ToleratedFailurePercentage: 10 });
    const [task] = allStates(map.ItemProcessor as Record<string, unknown>);
    expect(task!.Retry).toEqual([expect.objectContaining({ MaxAttempts: 5, BackoffRate: 3 })]);
  });

  it('rolls up the counties in a distributed Map, then records the run, and records a failed stage too', () => {
    const definition = stateMachineDefinition(dev) as { StartAt: string; States: Record<string, Record<string, unknown>> };
    expect(definition.StartAt).toBe('PlanRun');
    expect(definition.States.ScoreVillages!.Next).toBe('RollUpCounties');
    expect(definition.States.RollUpCounties).toMatchObject({
      Type: 'Map',
      ItemReader: { ReaderConfig: { InputType: 'JSON' }, Parameters: { 'Key.$': '$.countiesKey' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
      MaxConcurrency: 10,
      Next: 'FinishRun',
    });
    expect(definition.States.RollUpCounties!.Catch).toEqual([expect.objectContaining({ Next: 'RecordFailedRun' })]);
  });
});

describe('the schedule', () => {
  it('starts the state machine at 02:00 Asia/Shanghai with retries and a dead-letter queue', () => {
    dev.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({
        Arn: { Ref: Match.stringLikeRegexp('^NightlyStateMachine') },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NightlyScheduleDeadLetterQueue'), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 7200 },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
      }),
    });
  });
});

describe('the API', () => {
  it('has one method per route, every one authorised by IAM (SigV4); only the CORS preflights, which reach no function, are not', () => {
    const all = Object.values(dev.findResources('AWS::ApiGateway::Method'));
    const preflights = all.filter((m) => m.Properties.HttpMethod === 'OPTIONS');
    for (const preflight of preflights) expect(preflight.Properties).toMatchObject({ AuthorizationType: 'NONE', Integration: { Type: 'MOCK' } });
    const methods = all.filter((m) => m.Properties.HttpMethod !== 'OPTIONS');
    expect(methods).toHaveLength(Object.keys(ROUTES).length);
    for (const method of methods) expect(method.Properties.AuthorizationType).toBe('AWS_IAM');
    expect(methods.map((m) => m.Properties.HttpMethod).sort()).toEqual(Object.values(ROUTES).map((route) => route.method).sort());
  });

  it('offers evaluation callers, policy staff, approvers and viewers each a policy of their own: callers cannot reach /rule-sets', () => {
    const invoke = policyStatements(dev).filter(({ policy, statement }) => policy.startsWith('Evaluation') && asList(statement.Action).includes('execute-api:Invoke'));
    expect(invoke.map((s) => s.policy).sort()).toEqual([
      expect.stringMatching(/ApproverPolicy/),
      expect.stringMatching(/InvokePolicy/),
      expect.stringMatching(/PolicyStaffPolicy/),
      expect.stringMatching(/ViewerPolicy/),
    ]);
    const resourcesOf = (name: RegExp) => JSON.stringify(invoke.find((s) => name.test(s.policy))!.statement.Resource);
    const callers = resourcesOf(/InvokePolicy/);
    const staff = resourcesOf(/PolicyStaffPolicy/);
    expect(asList(invoke.find((s) => /InvokePolicy/.test(s.policy))!.statement.Resource)).toHaveLength(Object.values(ROUTES).filter((route) => !isAdminRoute(route)).length);
    expect(asList(invoke.find((s) => /PolicyStaffPolicy/.test(s.policy))!.statement.Resource)).toHaveLength(Object.values(ROUTES).filter((route) => route.access === 'administer').length);
    expect(callers).not.toContain('rule-sets');
    expect(staff).toContain('/rule-sets');
    // The village record a case is made from is theirs; a village's re-evaluation and households are not.
    for (const path of ['/evaluations', '/verdicts', '/villages/*/']) expect(staff).not.toContain(path);
    expect(staff).toContain('/GET/villages/*"');
    dev.hasOutput('PolicyStaffPolicyArn', {});
  });

  it('lets only the approver policy approve or reject a draft, and tells the rule-set functions whether self-approval is allowed', () => {
    const invoke = policyStatements(dev).filter(({ policy, statement }) => policy.startsWith('Evaluation') && asList(statement.Action).includes('execute-api:Invoke'));
    const resources = (name: RegExp) => JSON.stringify(invoke.find((s) => name.test(s.policy))!.statement.Resource);
    const approver = invoke.find((s) => /ApproverPolicy/.test(s.policy))!;
    expect(asList(approver.statement.Resource)).toHaveLength(2);
    expect(resources(/ApproverPolicy/)).toContain('/approvals');
    expect(resources(/ApproverPolicy/)).toContain('/rejections');
    for (const other of [/PolicyStaffPolicy/, /InvokePolicy/, /ViewerPolicy/]) {
      expect(resources(other)).not.toContain('/approvals');
      expect(resources(other)).not.toContain('/rejections');
    }
    expect(resources(/PolicyStaffPolicy/)).toContain('/submissions');
    dev.hasOutput('ApproverPolicyArn', {});
    const approval = (template: typeof dev) =>
      Object.values(template.findResources('AWS::Lambda::Function')).find((f) => /POST \/rule-sets\/\{ruleSetId\}\/drafts\/\{draftId\}\/approvals/.test(String(f.Properties.Description)))!;
    expect(approval(dev).Properties.Environment.Variables.ALLOW_SELF_APPROVAL).toBe('false');
    expect(approval(synthStack({ allowSelfApproval: 'true' })).Properties.Environment.Variables.ALLOW_SELF_APPROVAL).toBe('true');
  });
});

describe('the exports bucket', () => {
  it('blocks public access, is encrypted and refuses plain HTTP', () => {
    dev.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    dev.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    prod.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
  });
});

describe('the alarms', () => {
  it('watch failed executions of the state machine and messages in the dead-letter queue', () => {
    dev.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: Match.stringLikeRegexp('^NightlyStateMachine') } }],
      Threshold: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
    });
    dev.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NightlyScheduleDeadLetterQueue'), 'QueueName'] } }],
    });
  });
});

describe('the stage', () => {
  it('is dev or prod, nothing else', () => {
    expect(() => synthStack({ stage: 'staging' })).toThrow(/stage.*dev or prod/);
  });
});
