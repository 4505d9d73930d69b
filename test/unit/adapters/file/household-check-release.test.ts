import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { openDatasetFolder } from '../../../../src/adapters/file/read-dataset-folder.js';

// Every id map made while the dataset is open, held weakly, to see which the heap still keeps.
const maps = vi.hoisted(() => [] as WeakRef<object>[]);
vi.mock('../../../../src/records/references/compact-id-map.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/records/references/compact-id-map.js')>();
  class TrackedIdMap extends original.CompactIdMap {
    constructor() {
      super();
      maps.push(new WeakRef(this));
    }
  }
  return { ...original, CompactIdMap: TrackedIdMap };
});

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('openDatasetFolder', () => {
  it('drops the households’ duplicate check once the households file has been read, while the dataset stays open', async () => {
    const opened = await openDatasetFolder('test/fixtures/example');
    let households = 0;
    for await (const _ of opened.households) households += 1;
    expect(households).toBeGreaterThan(0);
    // A weak reference holds its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(maps.length).toBeGreaterThan(0);
    expect(maps.filter((map) => map.deref() !== undefined)).toHaveLength(0);
    // The dataset itself is still in use.
    expect(opened.frame.villages.length).toBeGreaterThan(0);
  });
});
