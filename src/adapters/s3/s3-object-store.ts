import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ObjectNotFoundError, type ObjectStore } from '../../ports/object-store.js';

/** Where the bucket is: AWS's S3 when `endpoint` is absent, else an S3-compatible server (path-style). */
export interface S3ObjectStoreConfig {
  readonly bucket: string;
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}

/** An S3 client for the config: path-style addressing for a local endpoint, which has no per-bucket host names. */
export function createS3Client(config: S3ObjectStoreConfig): S3Client {
  if (config.endpoint === undefined) return new S3Client(config.region ? { region: config.region } : {});
  return new S3Client({
    endpoint: config.endpoint,
    forcePathStyle: true,
    region: config.region ?? 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** The object store on one S3 bucket: JSON text in, JSON text out. */
export function s3ObjectStore(client: S3Client, bucket: string): ObjectStore {
  return {
    bucket,
    put: async (key, body) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }));
    },
    get: async (key) => {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await response.Body!.transformToString('utf8');
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') throw new ObjectNotFoundError(bucket, key);
        throw error;
      }
    },
  };
}
