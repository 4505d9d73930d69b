import { Aws, CfnOutput, Duration, Lazy } from 'aws-cdk-lib';
import { Method, ResponseType, type RestApi, Resource } from 'aws-cdk-lib/aws-apigateway';
import { Function as LambdaFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConsoleSignIn } from './console-sign-in.js';
import { ConsoleSite } from './console-site.js';

/** The request headers a signed console call carries; `Idempotency-Key` for a re-evaluation. */
export const CONSOLE_REQUEST_HEADERS = ['authorization', 'content-type', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256', 'idempotency-key'];

export interface WebConsoleProps {
  readonly api: RestApi;
  /** The API's functions: each answers with the console's origin allowed (CONSOLE_ORIGIN). */
  readonly apiFunctions: readonly IFunction[];
  readonly stageName: string;
  readonly protectData: boolean;
  readonly logRetention: RetentionDays;
  /** Where the console's build is read from (console/dist unless a test says otherwise). */
  readonly distFolder?: string;
}

/**
 * The console on AWS: the static site (console-site.ts), sign-in (console-sign-in.ts), the
 * API opened to the console's origin for the browser (CORS preflights answered without
 * signature, every answer naming the origin), and the `config.json` that tells the console
 * where all of it is. The console signs every API call with the credentials of its role.
 */
export class WebConsole extends Construct {
  readonly site: ConsoleSite;
  readonly signIn: ConsoleSignIn;

  constructor(scope: Construct, id: string, props: WebConsoleProps) {
    super(scope, id);
    const { api } = props;
    const apiOrigin = `https://${api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    const identityEndpoint = `https://cognito-identity.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    // Sign-in is built after the site (its client's callback is the site), so its hosted-UI
    // domain, where the console fetches its tokens, enters the CSP lazily.
    const authDomain = Lazy.string({ produce: () => this.signIn.domain.baseUrl() });
    this.site = new ConsoleSite(this, 'Site', {
      connectTo: [apiOrigin, identityEndpoint, authDomain],
      logRetention: props.logRetention,
      removeLogsWithStack: !props.protectData,
      ...(props.distFolder !== undefined ? { distFolder: props.distFolder } : {}),
    });
    this.signIn = new ConsoleSignIn(this, 'SignIn', {
      consoleOrigin: this.site.origin,
      api,
      domainPrefix: `tuopin-${props.stageName}`,
      protectData: props.protectData,
    });

    this.openApiTo(api, this.site.origin);
    for (const fn of props.apiFunctions) {
      if (!(fn instanceof LambdaFunction)) throw new Error(`${fn.node.path} is not a Function of this stack: it cannot be given CONSOLE_ORIGIN`);
      fn.addEnvironment('CONSOLE_ORIGIN', this.site.origin);
    }

    this.site.deploy({
      mode: 'aws',
      apiUrl: api.url,
      region: Aws.REGION,
      userPoolId: this.signIn.userPool.userPoolId,
      userPoolClientId: this.signIn.client.userPoolClientId,
      identityPoolId: this.signIn.identityPool.ref,
      authDomain: this.signIn.domain.baseUrl(),
      identityEndpoint,
      identityProvider: this.signIn.userPool.userPoolProviderName,
    });

    new CfnOutput(this, 'Url', { key: 'ConsoleUrl', value: this.site.origin });
    new CfnOutput(this, 'UserPoolId', { key: 'ConsoleUserPoolId', value: this.signIn.userPool.userPoolId });
    new CfnOutput(this, 'IdentityPoolId', { key: 'ConsoleIdentityPoolId', value: this.signIn.identityPool.ref });
  }

  /**
   * The browser asks before a signed call from another origin (a preflight OPTIONS, which it
   * never signs): each resource with methods answers it, for the console's origin only, without
   * a Lambda. API Gateway's own refusals (a bad signature, a denied role, throttling) name the
   * origin too, so the console can show them instead of a network error.
   */
  private openApiTo(api: RestApi, origin: string): void {
    for (const resource of [api.root, ...api.root.node.findAll().filter((child): child is Resource => child instanceof Resource)]) {
      const methods = resource.node.children.filter((child): child is Method => child instanceof Method).map((method) => method.httpMethod);
      if (methods.length === 0 || methods.includes('OPTIONS')) continue;
      resource.addCorsPreflight({ allowOrigins: [origin], allowMethods: methods, allowHeaders: CONSOLE_REQUEST_HEADERS, maxAge: Duration.hours(1) });
    }
    for (const [name, type] of [
      ['Default4xx', ResponseType.DEFAULT_4XX],
      ['Default5xx', ResponseType.DEFAULT_5XX],
    ] as const) {
      api.addGatewayResponse(name, { type, responseHeaders: { 'Access-Control-Allow-Origin': `'${origin}'`, Vary: "'Origin'" } });
    }
  }
}
