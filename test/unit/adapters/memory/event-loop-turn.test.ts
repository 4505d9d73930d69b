import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../../src/adapters/file/read-dataset-folder.js';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { importDataset } from '../../../../src/use-cases/import/import-dataset.js';
import { SAMPLE_COUNTY, runWithStoredRuleSets } from '../../../helpers/sample-county-store.js';
import { seedRuleSets } from '../../../../src/use-cases/seed-rule-sets.js';
import { repositoryRuleSets } from '../../../helpers/repository-rule-sets.js';

describe('a nightly run on the memory store', () => {
  it('lets the event loop turn between villages, as a store over the network would', async () => {
    const stores = createMemoryStores();
    await importDataset(stores, await readDatasetFolder(SAMPLE_COUNTY));
    await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
    // Counted by a macrotask that re-schedules itself: it runs only when the loop turns.
    let turns = 0;
    let running = true;
    const count = () => {
      turns += 1;
      if (running) setImmediate(count);
    };
    setImmediate(count);
    const run = await runWithStoredRuleSets(stores, '2018Q4', 'turns');
    running = false;
    const villages = (await stores.records.listVillages('513336')).length;
    expect(run.status).toBe('succeeded');
    // At least once per village scored and once per county rolled up.
    expect(turns).toBeGreaterThanOrEqual(villages);
  });
});
