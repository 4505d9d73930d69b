import { TuopinError } from '../kernel/errors.js';

/**
 * Objects of one bucket, as text: what a run keeps beside the table when it would not fit in a
 * Step Functions state or a table item (the plan's batches, the Distributed Maps' result files).
 * S3 on AWS (`adapters/s3`), a map in memory for tests and single-process runs.
 */
export interface ObjectStore {
  /** The bucket's name, as Step Functions names it in a ResultWriter's output. */
  readonly bucket: string;
  put(key: string, body: string): Promise<void>;
  /** The object's text; a missing key is `ObjectNotFoundError`. */
  get(key: string): Promise<string>;
}

/** The object a run points to is not in its bucket (expired by the lifecycle rules, or never written). */
export class ObjectNotFoundError extends TuopinError {
  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super('OBJECT_NOT_FOUND', `no object ${key} in bucket ${bucket}`);
  }
}

/** Objects held in a map: the tests' and the single-process runs' bucket. */
export function memoryObjectStore(bucket = 'memory'): ObjectStore & { readonly objects: ReadonlyMap<string, string> } {
  const objects = new Map<string, string>();
  return {
    bucket,
    objects,
    put: async (key, body) => {
      objects.set(key, body);
    },
    get: async (key) => {
      const body = objects.get(key);
      if (body === undefined) throw new ObjectNotFoundError(bucket, key);
      return body;
    },
  };
}
