import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/_shared/routes.js';
import { allStates, policyStatements, stateMachineDefinition, synthStack } from './synth-stack.js';

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthStack();
  prod = synthStack({ stage: 'prod' });
});

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
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }] })],
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
    const functions = Object.values(dev.findResources('AWS::Lambda::Function'));
    // The five nightly steps and one function per route.
    expect(functions).toHaveLength(5 + Object.keys(ROUTES).length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
      expect(fn.Properties.Environment.Variables).toMatchObject({ TABLE_NAME: { Ref: expect.stringMatching(/^StoreTable/) }, RUN_TIME_ZONE: 'Asia/Shanghai' });
    }
  });
});

describe('the IAM policies', () => {
  it('grant no wildcard action', () => {
    const statements = policyStatements(dev);
    expect(statements.length).toBeGreaterThan(5);
    for (const { policy, statement } of statements) {
      for (const action of asList(statement.Action)) expect(action, policy).not.toMatch(/(^\*$|:\*$)/);
    }
  });

  it('name every resource: no statement has Resource "*"', () => {
    for (const { policy, statement } of policyStatements(dev)) expect(asList(statement.Resource), policy).not.toContain('*');
  });

  it('give DynamoDB access on the table and its indexes only, and write access to no API reader', () => {
    const dynamo = policyStatements(dev).filter(({ statement }) => asList(statement.Action).some((a) => String(a).startsWith('dynamodb:')));
    expect(dynamo.length).toBe(5 + Object.keys(ROUTES).length);
    for (const { statement } of dynamo) expect(JSON.stringify(statement.Resource)).toMatch(/StoreTable/);
    const reader = dynamo.find(({ policy }) => policy.startsWith('getverdicts'))!;
    expect(asList(reader.statement.Action)).not.toContain('dynamodb:PutItem');
  });
});

describe('the nightly state machine', () => {
  it('maps over the village batches in a distributed Map with a concurrency cap, a failure tolerance and a retry with backoff', () => {
    const states = allStates(stateMachineDefinition(dev));
    const distributed = states.filter((s) => s.Type === 'Map' && (s.ItemProcessor as { ProcessorConfig?: { Mode?: string } }).ProcessorConfig?.Mode === 'DISTRIBUTED');
    expect(distributed).toHaveLength(1);
    const map = distributed[0]!;
    expect(map).toMatchObject({ MaxConcurrency: 40, ToleratedFailurePercentage: 5, ItemsPath: '$.batches' });
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

  it('rolls up the counties in a Map, then records the run, and records a failed stage too', () => {
    const definition = stateMachineDefinition(dev) as { StartAt: string; States: Record<string, Record<string, unknown>> };
    expect(definition.StartAt).toBe('PlanRun');
    expect(definition.States.ScoreVillages!.Next).toBe('RollUpCounties');
    expect(definition.States.RollUpCounties).toMatchObject({ Type: 'Map', ItemsPath: '$.countyIds', Next: 'FinishRun' });
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
  it('has one method per route, every one authorised by IAM (SigV4)', () => {
    const methods = Object.values(dev.findResources('AWS::ApiGateway::Method'));
    expect(methods).toHaveLength(Object.keys(ROUTES).length);
    for (const method of methods) expect(method.Properties.AuthorizationType).toBe('AWS_IAM');
    expect(methods.map((m) => m.Properties.HttpMethod).sort()).toEqual(Object.values(ROUTES).map((route) => route.method).sort());
  });

  it('offers evaluation callers and policy staff each a policy of their own: callers cannot reach /rule-sets', () => {
    const invoke = policyStatements(dev).filter(({ statement }) => asList(statement.Action).includes('execute-api:Invoke'));
    expect(invoke.map((s) => s.policy).sort()).toEqual([expect.stringMatching(/InvokePolicy/), expect.stringMatching(/PolicyStaffPolicy/)]);
    const resourcesOf = (name: RegExp) => JSON.stringify(invoke.find((s) => name.test(s.policy))!.statement.Resource);
    const callers = resourcesOf(/InvokePolicy/);
    const staff = resourcesOf(/PolicyStaffPolicy/);
    expect(asList(invoke.find((s) => /InvokePolicy/.test(s.policy))!.statement.Resource)).toHaveLength(Object.values(ROUTES).filter((route) => !('admin' in route)).length);
    expect(asList(invoke.find((s) => /PolicyStaffPolicy/.test(s.policy))!.statement.Resource)).toHaveLength(5);
    expect(callers).not.toContain('rule-sets');
    expect(staff).toContain('/rule-sets');
    for (const path of ['/evaluations', '/verdicts', '/villages']) expect(staff).not.toContain(path);
    dev.hasOutput('PolicyStaffPolicyArn', {});
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
