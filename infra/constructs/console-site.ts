import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** The console's build (`npm run console:build`, which `npm ci` runs). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

/**
 * The Content-Security-Policy of the site: the console's own scripts and styles (Ant Design
 * writes inline style elements), and calls to the API and to Cognito only. The hosted sign-in
 * page is left by navigation, which `connect-src` does not govern.
 */
export function consoleCsp(connectTo: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${connectTo.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export interface ConsoleSiteProps {
  /** Origins the console calls besides its own: the API and the Cognito endpoints. */
  readonly connectTo: readonly string[];
  readonly logRetention: RetentionDays;
  readonly removeLogsWithStack: boolean;
  /** Where the console's build is read from; absent folders deploy no files (see `deployed`). */
  readonly distFolder?: string;
}

/**
 * The console as a static site: a private bucket (no public access, TLS only, encrypted) that
 * only CloudFront reads, through origin access control; HTTPS only (HTTP is redirected), the
 * security headers on every response, and the single-page app's paths answered by index.html.
 */
export class ConsoleSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://d1234.cloudfront.net`, the console's origin. */
  readonly origin: string;
  private readonly props: ConsoleSiteProps;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    this.props = props;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Only built files: the deployment removes them with the stack, then the bucket goes.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Tuopin console security headers',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: consoleCsp(props.connectTo), override: true },
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Tuopin console',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // The console's own paths (/runs, /villages/…) are not files: the app answers them. S3
      // says 403 for a missing key when CloudFront may not list the bucket.
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) })),
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Uploads the console's build and its `config.json`. Without a build (`console/dist` absent,
   * as in a checkout where `npm ci` has not run) nothing is uploaded and synth says so; the
   * site then answers 403 until a deploy with the build. Every file is sent `no-cache`: the
   * browser and CloudFront revalidate by ETag, so a deploy needs no invalidation.
   */
  deploy(config: Readonly<Record<string, string>>): BucketDeployment | undefined {
    const dist = this.props.distFolder ?? CONSOLE_DIST;
    if (!existsSync(`${dist}/index.html`)) {
      Annotations.of(this).addWarningV2('tuopin:console-not-built', `${dist} holds no build: the console is not uploaded. Run npm run console:build, then deploy again.`);
      return undefined;
    }
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: this.props.logRetention,
      removalPolicy: this.props.removeLogsWithStack ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    // Its own role, as the functions': its log group and the two buckets, nothing attached by ARN.
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads the Tuopin console build to its bucket',
    });
    logGroup.grantWrite(role);
    return new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(dist), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.noCache()],
      retainOnDelete: false,
      memoryLimit: 512,
      role,
      logGroup,
    });
  }
}
