import { afterAll, beforeAll } from 'vitest';
import { createS3Client, s3ObjectStore } from '../../../src/adapters/s3/s3-object-store.js';
import type { ObjectStore } from '../../../src/ports/object-store.js';
import { startLocalS3, type LocalS3 } from './local-s3.js';

/** A local S3 for one test file (started before its tests, closed after), with an object store on `bucket`. */
export function useLocalS3(bucket = 'tuopin-exports-local') {
  let server: LocalS3 | undefined;
  let store: ObjectStore | undefined;
  beforeAll(async () => {
    server = await startLocalS3();
    store = s3ObjectStore(createS3Client({ bucket, endpoint: server.endpoint }), bucket);
  });
  afterAll(() => server?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the local S3 is not started: use the fixture inside tests');
    return value;
  };
  return {
    bucket,
    get endpoint() {
      return ready(server).endpoint;
    },
    get objects() {
      return ready(store);
    },
  };
}
