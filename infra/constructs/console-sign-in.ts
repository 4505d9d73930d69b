import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, CfnIdentityPool, CfnIdentityPoolRoleAttachment, CfnUserPoolGroup, FeaturePlan, Mfa, OAuthScope, UserPool, UserPoolClientIdentityProvider, type UserPoolClient, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Effect, FederatedPrincipal, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { CONSOLE_ROLES, invokeResourceOf, routesOf } from '../../functions/_shared/route-roles.js';

type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/**
 * Which group a person in several groups is mapped to: the first that matches, the least
 * privileged first, so that a forgotten `viewer` membership never widens an approver's — and a
 * forgotten `approver` one is noticed as too little access, not too much.
 */
export const GROUP_ORDER: readonly ConsoleRole[] = ['viewer', 'policy-staff', 'approver'];

export interface ConsoleSignInProps {
  /** The console's origin, `https://d1234.cloudfront.net`: the only place the hosted UI sends a code to. */
  readonly consoleOrigin: string;
  readonly api: RestApi;
  /** `tuopin-dev`: with the account id, the Cognito domain prefix (unique per region). */
  readonly domainPrefix: string;
  readonly protectData: boolean;
}

/**
 * Sign-in for the console on AWS: a user pool that only administrators add people to, a public
 * app client for the hosted UI (authorization code with PKCE, back to the console only), one
 * group per console role, and an identity pool that trades a member's id token for the IAM role
 * of the group. Each role may invoke exactly the routes of its role in the one role table
 * (functions/_shared/route-roles.ts), which the local API checks as well.
 */
export class ConsoleSignIn extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly identityPool: CfnIdentityPool;
  readonly roles: Readonly<Record<ConsoleRole, Role>>;

  constructor(scope: Construct, id: string, props: ConsoleSignInProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      featurePlan: FeaturePlan.LITE,
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      // Required: these accounts read households' records and publish standards. TOTP only
      // (SMS needs a sending role and costs per message); the hosted UI walks a person through
      // setting up an authenticator app at the first sign-in, which optional MFA would not.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: props.protectData,
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const callback = `${props.consoleOrigin}/`;
    this.client = this.userPool.addClient('Console', {
      generateSecret: false,
      authFlows: {},
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: { flows: { authorizationCodeGrant: true }, scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE], callbackUrls: [callback], logoutUrls: [callback] },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: `${props.domainPrefix}-${Aws.ACCOUNT_ID}` } });

    this.identityPool = new CfnIdentityPool(this, 'Identities', {
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      cognitoIdentityProviders: [{ clientId: this.client.userPoolClientId, providerName: this.userPool.userPoolProviderName, serverSideTokenCheck: true }],
    });

    const roles = {} as Record<ConsoleRole, Role>;
    for (const role of CONSOLE_ROLES) {
      roles[role] = new Role(this, `${role}Role`, {
        description: `Tuopin console ${role}: execute-api:Invoke on the routes of the ${role} role`,
        maxSessionDuration: Duration.hours(1),
        assumedBy: new FederatedPrincipal(
          'cognito-identity.amazonaws.com',
          {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': this.identityPool.ref },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
          'sts:AssumeRoleWithWebIdentity',
        ),
      });
      roles[role].addToPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['execute-api:Invoke'],
          resources: routesOf(role).map((name) => props.api.arnForExecuteApi(...splitResource(invokeResourceOf(name)), props.api.deploymentStage.stageName)),
        }),
      );
      new CfnUserPoolGroup(this, `${role}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Tuopin console ${role}: mapped to its IAM role by the identity pool's rules`,
      });
    }
    this.roles = roles;

    // Rules, not the token's preferred role: a person in no group gets no credentials at all.
    new CfnIdentityPoolRoleAttachment(this, 'RoleMapping', {
      identityPoolId: this.identityPool.ref,
      roleMappings: {
        console: {
          identityProvider: `${this.userPool.userPoolProviderName}:${this.client.userPoolClientId}`,
          type: 'Rules',
          ambiguousRoleResolution: 'Deny',
          rulesConfiguration: {
            rules: GROUP_ORDER.map((role) => ({ claim: 'cognito:groups', matchType: 'Contains', value: role, roleArn: roles[role].roleArn })),
          },
        },
      },
    });
  }
}

/** `GET/runs/*` → `['GET', '/runs/*']`, as `arnForExecuteApi` takes them. */
function splitResource(resource: string): [string, string] {
  const slash = resource.indexOf('/');
  return [resource.slice(0, slash), resource.slice(slash)];
}
