import { randomUUID } from 'node:crypto';
import type { ObjectStore } from '../../../src/ports/object-store.js';
import { LOCAL_ACCOUNT } from './deployed-definition.js';

/** A Map child execution as a ResultWriter lists it. */
export interface ChildRecord {
  Name: string;
  Status: 'SUCCEEDED' | 'FAILED';
  Input: string;
  Output?: string;
  Error?: string;
  Cause?: string;
  StartDate: string;
  StopDate: string;
}

/**
 * Writes a Map Run's children as Step Functions' ResultWriter does: under
 * `<prefix>/<map run id>/`, SUCCEEDED_0.json and FAILED_0.json (arrays of executions, only when
 * not empty) and manifest.json naming them; returns the Map state's output, which points to the
 * manifest. Step Functions splits files at 5 GB; locally each status fits in one.
 */
export async function writeMapRunResults(objects: ObjectStore, mapName: string, prefix: string | undefined, children: readonly ChildRecord[], mapRunId: string = randomUUID()) {
  const folder = `${prefix ? `${prefix}/` : ''}${mapRunId}`;
  const mapRunArn = `arn:aws:states:${LOCAL_ACCOUNT.region}:${LOCAL_ACCOUNT.account}:mapRun:${mapName}/${mapRunId}`;
  const files: Record<string, { Key: string; Size: number }[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const status of ['SUCCEEDED', 'FAILED'] as const) {
    const listed = children.filter((child) => child.Status === status).map((child) => ({ ...child, ExecutionArn: `${mapRunArn}:${child.Name}` }));
    if (listed.length === 0) continue;
    const key = `${folder}/${status}_0.json`;
    const body = JSON.stringify(listed);
    await objects.put(key, body);
    files[status]!.push({ Key: key, Size: Buffer.byteLength(body) });
  }
  const manifestKey = `${folder}/manifest.json`;
  await objects.put(manifestKey, JSON.stringify({ DestinationBucket: objects.bucket, MapRunArn: mapRunArn, ResultFiles: files }));
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: objects.bucket, Key: manifestKey } };
}

/** A succeeded child of the given input and output, for tests that call the tasks one by one. */
export function succeededChild(index: number, input: unknown, output: unknown): ChildRecord {
  const now = new Date().toISOString();
  return { Name: `child-${index}`, Status: 'SUCCEEDED', Input: JSON.stringify(input), Output: JSON.stringify(output), StartDate: now, StopDate: now };
}
