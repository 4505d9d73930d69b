import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROLES, POLICIES, routesOf, routesOfPolicy, type PolicyName } from '../../functions/_shared/route-roles.js';
import { ROUTES } from '../../functions/_shared/routes.js';
import { GROUP_ORDER } from '../../infra/constructs/console-sign-in.js';
import { ConsoleSite } from '../../infra/constructs/console-site.js';
import { ALL_ROUTES, expectedTargets, invokeTarget } from './invoke-targets.js';
import { policyStatements, synthStack } from './synth-stack.js';

let dev: Template;
const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);
const one = (template: Template, type: string) => {
  const found = Object.entries(template.findResources(type));
  expect(found, type).toHaveLength(1);
  return { id: found[0]![0], ...(found[0]![1] as { Properties: Record<string, any> }) };
};
/** The Fn::Join of a template value with each `Ref` as `<id>` and each GetAtt as `<id.attr>`. */
const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'].join('.')}>`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(text).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
};

let api: string;
let stage: string;
beforeAll(() => {
  dev = synthStack();
  api = one(dev, 'AWS::ApiGateway::RestApi').id;
  stage = one(dev, 'AWS::ApiGateway::Stage').id;
}, 180_000);

describe('the console site', () => {
  it('is a private, encrypted, TLS-only bucket that only its CloudFront distribution reads, through origin access control', () => {
    const buckets = dev.findResources('AWS::S3::Bucket');
    const site = Object.entries(buckets).find(([id]) => id.startsWith('ConsoleSiteBucket'))!;
    expect(site[1].Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const policy = Object.values(dev.findResources('AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref === site[0])!;
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(text(allows[0]!.Condition.StringEquals['AWS:SourceArn'])).toContain(`distribution/<${one(dev, 'AWS::CloudFront::Distribution').id}>`);
    dev.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    expect(one(dev, 'AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
  });

  it('is served over HTTPS only, with the security headers, and answers the app paths with index.html', () => {
    const distribution = one(dev, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
    expect(distribution.Origins).toHaveLength(1);
    expect(distribution.Origins[0].OriginAccessControlId).toEqual({ 'Fn::GetAtt': [one(dev, 'AWS::CloudFront::OriginAccessControl').id, 'Id'] });
    expect(distribution.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: { Ref: one(dev, 'AWS::CloudFront::ResponseHeadersPolicy').id } });
    expect(distribution.CacheBehaviors ?? []).toEqual([]);
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.CustomErrorResponses).toEqual([403, 404].map((code) => ({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 })));

    const headers = one(dev, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
    const csp = text(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const domain = one(dev, 'AWS::Cognito::UserPoolDomain').id;
    expect(csp).toContain(`connect-src 'self' https://<${api}>.execute-api.<AWS::Region>.<AWS::URLSuffix> https://cognito-identity.<AWS::Region>.<AWS::URLSuffix> https://<${domain}>.auth.<AWS::Region>.amazoncognito.com;`);
  });

  it("uploads the console's build with a config.json naming the API, the region and the pools", () => {
    const deployment = one(dev, 'Custom::CDKBucketDeployment').Properties;
    expect(deployment).toMatchObject({ RetainOnDelete: false, Prune: true, SystemMetadata: { 'cache-control': 'no-cache' } });
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.SourceMarkers);
    for (const id of [api, stage, one(dev, 'AWS::Cognito::UserPool').id, one(dev, 'AWS::Cognito::UserPoolClient').id, one(dev, 'AWS::Cognito::IdentityPool').id]) expect(markers).toContain(`"Ref":"${id}"`);
  });

  it('says so and uploads nothing when the console is not built', () => {
    const stack = new Stack(new App(), 'Unbuilt');
    const site = new ConsoleSite(stack, 'Site', { connectTo: ['https://api.example'], logRetention: RetentionDays.ONE_DAY, removeLogsWithStack: true, distFolder: '/nonexistent/console/dist' });
    expect(site.deploy({ mode: 'aws' })).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('/Unbuilt/Site', Match.stringLikeRegexp('holds no build.*npm run console:build'));
  });
});

describe('the API for the console', () => {
  it('answers the preflight of every resource with methods for the console origin only, and names that origin on its own refusals', () => {
    const origin = `https://<${one(dev, 'AWS::CloudFront::Distribution').id}.DomainName>`;
    const methods = Object.values(dev.findResources('AWS::ApiGateway::Method'));
    const resourcesWithRoutes = new Set(methods.filter((m) => m.Properties.HttpMethod !== 'OPTIONS').map((m) => JSON.stringify(m.Properties.ResourceId)));
    const preflights = methods.filter((m) => m.Properties.HttpMethod === 'OPTIONS');
    expect(new Set(preflights.map((m) => JSON.stringify(m.Properties.ResourceId)))).toEqual(resourcesWithRoutes);
    for (const preflight of preflights) {
      const allowed = preflight.Properties.Integration.IntegrationResponses[0].ResponseParameters;
      expect(text(allowed['method.response.header.Access-Control-Allow-Origin'])).toBe(`'${origin}'`);
      expect(allowed['method.response.header.Access-Control-Allow-Headers']).toContain('x-amz-security-token');
    }
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      const response = Object.values(dev.findResources('AWS::ApiGateway::GatewayResponse')).find((r) => r.Properties.ResponseType === type)!;
      expect(text(response.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin'])).toBe(`'${origin}'`);
    }
    const routeFunctions = Object.values(dev.findResources('AWS::Lambda::Function')).filter((fn) => (fn.Properties.Description ?? '').match(/^(GET|POST) \//));
    expect(routeFunctions).toHaveLength(Object.keys(ROUTES).length);
    for (const fn of routeFunctions) expect(text(fn.Properties.Environment.Variables.CONSOLE_ORIGIN)).toBe(origin);
  });

  it("offers each of the stack's invoke policies exactly the routes the role table gives it", () => {
    for (const [policy, pattern] of [
      ['invoke', /^EvaluationInvokePolicy/],
      ['policy-staff', /^EvaluationPolicyStaffPolicy/],
      ['approver', /^EvaluationApproverPolicy/],
      ['viewer', /^EvaluationViewerPolicy/],
    ] as [PolicyName, RegExp][]) {
      const statements = policyStatements(dev).filter((s) => pattern.test(s.policy));
      expect(statements, policy).toHaveLength(1);
      expect(asList(statements[0]!.statement.Resource).map(invokeTarget).sort(), policy).toEqual(expectedTargets(routesOfPolicy(policy), api, stage));
    }
    expect(Object.keys(POLICIES)).toHaveLength(4);
    dev.hasOutput('ViewerPolicyArn', {});
    for (const output of ['ConsoleUrl', 'ConsoleUserPoolId', 'ConsoleIdentityPoolId']) dev.hasOutput(output, {});
  });
});

describe('sign-in', () => {
  it('is a user pool only administrators add people to, with a strong password policy, TOTP required and the three groups', () => {
    const pool = one(dev, 'AWS::Cognito::UserPool').Properties;
    expect(pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(pool.Policies.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
    expect(pool).toMatchObject({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    const groups = Object.values(dev.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...CONSOLE_ROLES].sort());
  });

  it("signs in through the hosted UI with the authorization code (PKCE, no secret), back to the console's address only", () => {
    const client = one(dev, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client).toMatchObject({ AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: false, SupportedIdentityProviders: ['COGNITO'] });
    const origin = `https://<${one(dev, 'AWS::CloudFront::Distribution').id}.DomainName>/`;
    expect(client.CallbackURLs.map(text)).toEqual([origin]);
    expect(client.LogoutURLs.map(text)).toEqual([origin]);
    expect(client.AllowedOAuthFlows).not.toContain('implicit');
  });

  it('maps each group, through the identity pool rules, to a role that may invoke exactly the routes of its role and nothing else', () => {
    const identityPool = one(dev, 'AWS::Cognito::IdentityPool');
    expect(identityPool.Properties).toMatchObject({ AllowUnauthenticatedIdentities: false, AllowClassicFlow: false });
    const mapping = one(dev, 'AWS::Cognito::IdentityPoolRoleAttachment').Properties;
    expect(mapping.Roles).toBeUndefined();
    const [rules] = Object.values(mapping.RoleMappings as Record<string, any>);
    expect(rules).toMatchObject({ Type: 'Rules', AmbiguousRoleResolution: 'Deny' });
    expect(rules.RulesConfiguration.Rules.map((r: any) => r.Value)).toEqual(GROUP_ORDER);

    const seen = new Set<string>();
    for (const rule of rules.RulesConfiguration.Rules as { Claim: string; MatchType: string; Value: (typeof CONSOLE_ROLES)[number]; RoleARN: { 'Fn::GetAtt': [string, string] } }[]) {
      expect(rule).toMatchObject({ Claim: 'cognito:groups', MatchType: 'Contains' });
      const roleId = rule.RoleARN['Fn::GetAtt'][0];
      seen.add(roleId);
      const role = dev.findResources('AWS::IAM::Role')[roleId]!;
      const [trust] = role.Properties.AssumeRolePolicyDocument.Statement;
      expect(trust).toMatchObject({
        Action: 'sts:AssumeRoleWithWebIdentity',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: identityPool.id } }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
      });
      expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
      const statements = policyStatements(dev).filter((s) => s.roles.includes(roleId));
      expect(statements, rule.Value).toHaveLength(1);
      expect(statements[0]!.statement).toMatchObject({ Effect: 'Allow', Action: 'execute-api:Invoke' });
      const targets = asList(statements[0]!.statement.Resource).map(invokeTarget).sort();
      expect(targets, rule.Value).toEqual(expectedTargets(routesOf(rule.Value), api, stage));
      if (rule.Value === 'viewer') expect(targets.length).toBeLessThan(ALL_ROUTES.length);
    }
    expect(seen.size).toBe(CONSOLE_ROLES.length);
  });
});
