import { AuthorizationType, EndpointType, LambdaIntegration, MethodLoggingLevel, RestApi, type IResource, type Method } from 'aws-cdk-lib/aws-apigateway';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** One method of the API and the function behind it. */
export interface ApiRoute {
  readonly method: string;
  /** `/villages/{villageId}/re-evaluations` */
  readonly path: string;
  readonly handler: IFunction;
  /** Rule-set administration: invoked under the policy-staff policy only. */
  readonly admin?: boolean;
}

export interface EvaluationApiProps {
  readonly stageName: string;
  readonly routes: readonly ApiRoute[];
}

/**
 * The on-demand API other government apps call, signed with SigV4: IAM authorisation on every
 * method, no anonymous route. A calling app's role gets `execute-api:Invoke` on exactly these
 * methods by attaching `invokePolicy`.
 */
export class EvaluationApi extends Construct {
  readonly api: RestApi;
  readonly methods: Method[];
  readonly invokePolicy: ManagedPolicy;
  readonly policyStaffPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: EvaluationApiProps) {
    super(scope, id);
    this.api = new RestApi(this, 'Api', {
      description: 'Tuopin on-demand evaluation',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
      cloudWatchRole: false,
      deployOptions: {
        stageName: props.stageName,
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.OFF,
      },
    });
    this.methods = props.routes.map((route) => this.resourceAt(route.path).addMethod(route.method, new LambdaIntegration(route.handler)));
    const methodsOf = (admin: boolean) => this.methods.filter((_, index) => (props.routes[index]!.admin ?? false) === admin).map((m) => m.methodArn);
    // Two audiences, two policies: evaluation callers can never publish a rule set, and policy
    // staff publish under a policy of their own.
    this.invokePolicy = new ManagedPolicy(this, 'InvokePolicy', {
      description: 'Lets a calling app invoke the Tuopin evaluation API (SigV4)',
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources: methodsOf(false) })],
    });
    this.policyStaffPolicy = new ManagedPolicy(this, 'PolicyStaffPolicy', {
      description: 'Lets policy staff list, validate, publish and roll back Tuopin rule sets (SigV4)',
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['execute-api:Invoke'], resources: methodsOf(true) })],
    });
  }

  private resourceAt(path: string): IResource {
    let resource: IResource = this.api.root;
    for (const part of path.split('/').filter(Boolean)) resource = resource.getResource(part) ?? resource.addResource(part);
    return resource;
  }
}
