import type { ObjectStore } from '../../ports/object-store.js';
import { TuopinError } from '../../kernel/errors.js';

/** Reading what the Distributed Maps' ResultWriters wrote (the keys are in kernel/nightly-objects.ts). */

/** A Distributed Map's output when it has a ResultWriter: where its manifest is. */
export interface MapResultPointer {
  readonly ResultWriterDetails: { readonly Bucket: string; readonly Key: string };
}

/** One child execution as a ResultWriter's result file lists it (the fields read here). */
interface ChildExecution {
  readonly Status: string;
  readonly Output?: string;
  readonly Error?: string;
  readonly Cause?: string;
}

/** What a ResultWriter's manifest.json lists. */
interface Manifest {
  readonly ResultFiles: Readonly<Record<string, readonly { readonly Key: string }[]>>;
}

/** A result file or manifest that is not what Step Functions writes. */
export class MapResultsInvalidError extends TuopinError {
  constructor(key: string, reason: string) {
    super('MAP_RESULTS_INVALID', `the Map result object ${key} is not a ResultWriter file: ${reason}`);
  }
}

/** What a Distributed Map's children returned (succeeded) and why the others failed. */
export interface MapResults {
  readonly outputs: unknown[];
  readonly failures: { Error?: string; Cause?: string }[];
}

function parse<T>(key: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new MapResultsInvalidError(key, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Reads a Distributed Map's results from its ResultWriter manifest: the parsed `Output` of every
 * SUCCEEDED child, and the `Error` and `Cause` of every FAILED (or timed-out, aborted) one.
 * PENDING children never ran (the Map stopped first); the run is failed by its Catch then.
 */
export async function readMapResults(objects: ObjectStore, pointer: MapResultPointer): Promise<MapResults> {
  const manifestKey = pointer.ResultWriterDetails.Key;
  const manifest = parse<Manifest>(manifestKey, await objects.get(manifestKey));
  if (typeof manifest.ResultFiles !== 'object' || manifest.ResultFiles === null) throw new MapResultsInvalidError(manifestKey, 'no ResultFiles');
  const outputs: unknown[] = [];
  const failures: { Error?: string; Cause?: string }[] = [];
  for (const [status, files] of Object.entries(manifest.ResultFiles)) {
    if (status === 'PENDING') continue;
    for (const file of files) {
      const children = parse<ChildExecution[]>(file.Key, await objects.get(file.Key));
      if (!Array.isArray(children)) throw new MapResultsInvalidError(file.Key, 'not an array of executions');
      for (const child of children) {
        if (child.Status === 'SUCCEEDED') outputs.push(parse(file.Key, child.Output ?? 'null'));
        else failures.push({ ...(child.Error !== undefined ? { Error: child.Error } : { Error: child.Status }), ...(child.Cause !== undefined ? { Cause: child.Cause } : {}) });
      }
    }
  }
  return { outputs, failures };
}
