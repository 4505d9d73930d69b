import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { NIGHTLY_PREFIXES } from '../../src/kernel/nightly-objects.js';

/** Days a nightly run's plan and result objects are kept. */
export const NIGHTLY_OBJECT_DAYS = 30;

export interface ExportsBucketProps {
  readonly protectData: boolean;
}

/** Where run exports and the nightly run's plans and Map results go: private, encrypted, TLS only, versioned. */
export class ExportsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: ExportsBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(90) },
        // A run's work lists and Map results are read within the run (and by a redrive of it):
        // kept a month for inquiries, then gone, with no old version lingering.
        ...Object.values(NIGHTLY_PREFIXES).map((prefix) => ({
          prefix,
          expiration: Duration.days(NIGHTLY_OBJECT_DAYS),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        })),
      ],
      // A dev bucket that still holds exports fails to delete, which is the safe failure.
      removalPolicy: props.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
