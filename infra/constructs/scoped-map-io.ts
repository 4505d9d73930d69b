import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { ResultWriterV2, S3JsonItemReader } from 'aws-cdk-lib/aws-stepfunctions';

/*
 * CDK's ItemReader and ResultWriter grant the state machine's role their S3 actions on every
 * object of the bucket (`bucket/*`). The exports bucket holds more than a run's work lists and
 * results, so these two render the same ASL and grant the same actions on one prefix only.
 */

/** A Distributed Map's ItemReader over one JSON array in S3, with s3:GetObject on `prefix` only. */
export class PrefixJsonItemReader extends S3JsonItemReader {
  constructor(
    private readonly scope: { readonly bucket: IBucket; readonly key: string; readonly prefix: string },
  ) {
    super({ bucket: scope.bucket, key: scope.key });
  }

  override providePolicyStatements(): PolicyStatement[] {
    return [new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.scope.bucket.arnForObjects(`${this.scope.prefix}*`)] })];
  }
}

/** A Distributed Map's ResultWriter under `prefix`, granted the writer's actions under it only. */
export class PrefixResultWriter extends ResultWriterV2 {
  constructor(private readonly scope: { readonly bucket: IBucket; readonly prefix: string }) {
    super({ bucket: scope.bucket, prefix: scope.prefix });
  }

  override providePolicyStatements(): PolicyStatement[] {
    // What Step Functions needs to write its result files (multipart for large ones) and manifest.
    return [
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
        resources: [this.scope.bucket.arnForObjects(`${this.scope.prefix}/*`)],
      }),
    ];
  }
}
