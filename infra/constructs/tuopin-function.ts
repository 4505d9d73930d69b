import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The path of a function's entry file, `functions/<name>.ts`. */
export function functionEntry(name: string): string {
  return fileURLToPath(new URL(`../../functions/${name}.ts`, import.meta.url));
}

export interface TuopinFunctionProps {
  /** The file name in functions/ without `.ts`, e.g. `plan-run`. */
  readonly name: string;
  readonly description: string;
  /** Variables read by functions/_shared/config.ts (validated at cold start). */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeout: Duration;
  readonly memorySize?: number;
  readonly logRetention: RetentionDays;
  readonly removeLogsWithStack: boolean;
}

/**
 * One Lambda of functions/: Node.js 22 on Graviton, bundled locally by esbuild as ESM (never in
 * Docker), the AWS SDK bundled in so the deployed code runs the SDK version the tests ran.
 */
export class TuopinFunction extends Construct {
  readonly function: NodejsFunction;
  /** The function's own role: its log stream, and whatever table access the stack grants it. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: TuopinFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removeLogsWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    // Instead of AWSLambdaBasicExecutionRole (which may create any log group and write to any
    // log stream of the account), a role that writes to the function's own log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Tuopin ${props.name}: its own log group and the table keys of its use case`,
    });
    logGroup.grantWrite(this.role);
    this.function = new NodejsFunction(this, 'Function', {
      role: this.role,
      entry: functionEntry(props.name),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: `${REPOSITORY_ROOT}/package-lock.json`,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'tuopin',
        POWERTOOLS_METRICS_NAMESPACE: 'Tuopin',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        bundleAwsSDK: true,
        minify: true,
        sourceMap: true,
        // Bundled CommonJS dependencies still call require(); ESM has none unless we make one.
        banner: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
      },
    });
  }
}
