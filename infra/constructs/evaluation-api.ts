import { CfnOutput, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CfnAccount,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
  type IResource,
  type Method,
} from 'aws-cdk-lib/aws-apigateway';
import { Effect, ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { policyMayCall, ROUTE_TABLE, type PolicyName, type RouteName } from '../../functions/_shared/route-roles.js';

/** One route of the table (its method and path are the table's) and the function behind it. */
export interface ApiRoute {
  readonly name: RouteName;
  readonly handler: IFunction;
}

export interface EvaluationApiProps {
  readonly stageName: string;
  readonly routes: readonly ApiRoute[];
  readonly logRetention: RetentionDays;
  readonly removeLogsWithStack: boolean;
}

/**
 * One access-log line per request, with nothing personal: the request id, the time, the route
 * template (`/verdicts/{subjectType}/{subjectId}`, never the path with a household's id), the
 * status, the latencies and the size, and who called — the caller's AWS account and IAM
 * principal (a calling app's role, or a policy officer acting in office, as the rule-set author
 * is recorded anyway). No query string, no body, no source IP, no user agent.
 */
export const ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  httpMethod: '$context.httpMethod',
  route: '$context.resourcePath',
  status: '$context.status',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  responseLength: '$context.responseLength',
  callerAccountId: '$context.identity.accountId',
  callerPrincipal: '$context.identity.caller',
};

/**
 * The on-demand API other government apps call, signed with SigV4: IAM authorisation on every
 * method, no anonymous route. A calling app's role gets `execute-api:Invoke` on exactly these
 * methods by attaching `invokePolicy`. The four policies are built from the one role table
 * (functions/_shared/route-roles.ts), which the local API checks too.
 */
export class EvaluationApi extends Construct {
  readonly api: RestApi;
  readonly methods: Method[];
  readonly invokePolicy: ManagedPolicy;
  readonly policyStaffPolicy: ManagedPolicy;
  readonly approverPolicy: ManagedPolicy;
  readonly viewerPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: EvaluationApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.removeLogsWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    this.api = new RestApi(this, 'Api', {
      description: 'Tuopin on-demand evaluation',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
      // A file route's body is base64 from the function; API Gateway decodes it for these types.
      binaryMediaTypes: [...new Set(Object.values(ROUTE_TABLE).flatMap((route) => ('binary' in route ? [route.binary] : [])))],
      cloudWatchRole: false,
      deployOptions: {
        stageName: props.stageName,
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
        metricsEnabled: true,
        // Execution logs stay off: at INFO they hold request and response bodies, i.e. records.
        loggingLevel: MethodLoggingLevel.OFF,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    // REST API logging needs the region's API Gateway account setting to name a role. CDK's
    // own (`cloudWatchRole: true`) attaches AmazonAPIGatewayPushToCloudWatchLogs, which may
    // write to every log group; this role may write to the access log group only.
    const loggingRole = new Role(this, 'LoggingRole', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      description: 'API Gateway writes the Tuopin API access logs',
    });
    loggingRole.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [accessLogs.logGroupArn],
      }),
    );
    const account = new CfnAccount(this, 'Account', { cloudWatchRoleArn: loggingRole.roleArn });
    account.node.addDependency(loggingRole);
    this.api.deploymentStage.node.addDependency(account);
    this.methods = props.routes.map(({ name, handler }) => this.resourceAt(ROUTE_TABLE[name].path).addMethod(ROUTE_TABLE[name].method, new LambdaIntegration(handler)));
    const methodsOf = (policy: PolicyName) => this.methods.filter((_, index) => policyMayCall(policy, props.routes[index]!.name)).map((m) => m.methodArn);
    // Four audiences, four policies: evaluation callers can never publish a rule set, policy
    // staff draft and submit under a policy of their own, approvers alone approve, viewers only read.
    this.invokePolicy = new ManagedPolicy(this, 'InvokePolicy', {
      description: 'Lets a calling app invoke the Tuopin evaluation API (SigV4)',
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources: methodsOf('invoke') })],
    });
    this.policyStaffPolicy = new ManagedPolicy(this, 'PolicyStaffPolicy', {
      description: 'Lets policy staff list, validate, draft and submit Tuopin rule sets (SigV4)',
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources: methodsOf('policy-staff') })],
    });
    this.approverPolicy = new ManagedPolicy(this, 'ApproverPolicy', {
      description: 'Lets an approver approve or reject submitted Tuopin rule-set drafts (SigV4); attach with the policy-staff policy',
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources: methodsOf('approver') })],
    });
    this.viewerPolicy = new ManagedPolicy(this, 'ViewerPolicy', {
      description: "Lets a viewer call the Tuopin API's read routes only (SigV4)",
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources: methodsOf('viewer') })],
    });
    new CfnOutput(this, 'ViewerPolicyArn', { key: 'ViewerPolicyArn', value: this.viewerPolicy.managedPolicyArn });
  }

  private resourceAt(path: string): IResource {
    let resource: IResource = this.api.root;
    for (const part of path.split('/').filter(Boolean)) resource = resource.getResource(part) ?? resource.addResource(part);
    return resource;
  }
}
