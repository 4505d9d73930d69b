import { beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { readDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { StoreRuleSetSource } from '../../../src/adapters/rule-sets/store-rule-set-source.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { Dataset } from '../../../src/records/dataset.js';
import type { Stores } from '../../../src/ports/stores.js';
import { importDataset } from '../../../src/use-cases/import/import-dataset.js';
import { runNightly } from '../../../src/use-cases/nightly/run-nightly.js';
import { createScoringContext } from '../../../src/use-cases/scoring-context.js';
import { seedRuleSets } from '../../../src/use-cases/seed-rule-sets.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { SAMPLE_COUNTY } from '../../helpers/sample-county-store.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { logCommands, type CommandLog } from './command-log.js';

const dynalite = useDynalite();
let log: CommandLog;
let dataset: Dataset;
const VILLAGES = ['513336-01-001', '513336-01-002', '513336-02-001'];

beforeAll(async () => {
  log = logCommands(dynalite.client);
  // Three villages of the sample county: enough to tell the one that changed from the others.
  const whole = await readDatasetFolder(SAMPLE_COUNTY);
  dataset = { ...whole, villages: whole.villages.filter((v) => VILLAGES.includes(v.villageId)), households: whole.households.filter((h) => VILLAGES.includes(h.villageId)) };
});

async function storedCounty(tableName?: string): Promise<Stores> {
  const stores = dynalite.stores(tableName ?? (await dynalite.newTable()));
  await importDataset(stores, dataset);
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  return stores;
}

/** A nightly run of 2018Q4 that may keep villages: which villages it was offered, which it judged, what it wrote. */
async function run(stores: Stores, options: { build?: string; accept?: boolean } = {}) {
  const context = createScoringContext(await new StoreRuleSetSource(stores.ruleSets).inForce('2018Q4'), '2018Q4', EVALUATORS.compiled);
  const offered: string[] = [];
  const judged: string[] = [];
  log.clear();
  const record = await runNightly(stores, context, {
    runId: `run-${Math.random()}`,
    now: () => new Date('2026-11-30T08:00:00Z'),
    onVillageVerdicts: (villageId) => judged.push(villageId),
    unchanged: {
      build: options.build ?? 'build-1',
      keep: (villageId) => {
        offered.push(villageId);
        return options.accept ?? true;
      },
    },
  });
  const householdQueries = log.named('QueryCommand').filter((c) => String((c.input.ExpressionAttributeValues as Record<string, unknown> | undefined)?.[':pk'] ?? '').endsWith('#HOUSEHOLDS')).length;
  return { record, offered: offered.sort(), judged: judged.sort(), householdQueries };
}

/** Everything the runs leave for a village: its verdicts and the county's tallies. */
async function stored(stores: Stores) {
  const verdicts = await Promise.all(VILLAGES.map((id) => stores.verdicts.listPartitionVerdicts(id, 2018)));
  const sorted = verdicts.map((list) => list.map((v) => JSON.stringify(v)).sort());
  return { verdicts: sorted, tallies: await stores.runs.listVillageTallies('2018Q4', '513336') };
}

describe('a nightly run over unchanged villages', () => {
  it('keeps every village whose inputs are unchanged, reading none of its households and writing nothing', async () => {
    const stores = await storedCounty();
    const first = await run(stores);
    expect(first.offered).toEqual([]);
    expect(first.judged).toEqual(VILLAGES);
    const before = await stored(stores);

    const again = await run(stores);
    expect(again.offered).toEqual(VILLAGES);
    expect(again.judged).toEqual([]);
    expect(again.householdQueries).toBe(0);
    expect(again.record.writes.verdicts).toBe(0);
    expect(log.batchWrites()).toBe(0);
    expect(await stored(stores)).toEqual(before);
  });

  it('judges again the village whose household changed, and only it; then keeps it', async () => {
    const stores = await storedCounty();
    await run(stores);
    const household = dataset.households.find((h) => h.villageId === VILLAGES[1])!;
    await stores.records.putHouseholds([{ ...household, incomePerCapita: (household.incomePerCapita ?? 0) + 1000 }]);
    const changed = await run(stores);
    expect(changed.judged).toEqual([VILLAGES[1]]);
    expect(changed.offered).toEqual([VILLAGES[0], VILLAGES[2]]);
    expect(changed.record.writes.verdicts).toBeGreaterThan(0);
    expect((await run(stores)).judged).toEqual([]);
  });

  it('judges every village again under another build, and writes nothing when the verdicts are the same', async () => {
    const stores = await storedCounty();
    await run(stores);
    const rebuilt = await run(stores, { build: 'build-2' });
    expect(rebuilt.offered).toEqual([]);
    expect(rebuilt.judged).toEqual(VILLAGES);
    expect(rebuilt.record.writes.verdicts).toBe(0);
    expect((await run(stores, { build: 'build-2' })).judged).toEqual([]);
    expect((await run(stores, { build: 'build-1' })).judged).toEqual(VILLAGES);
  });

  it('judges a village again when its verdicts were written since by anyone else', async () => {
    const stores = await storedCounty();
    await run(stores);
    const [verdict] = await stores.verdicts.listPartitionVerdicts(VILLAGES[2]!, 2018);
    await stores.verdicts.putChangedVerdicts(VILLAGES[2]!, [{ ...verdict!, determinationId: 'written-on-demand' }]);
    const after = await run(stores);
    expect(after.judged).toEqual([VILLAGES[2]]);
    expect(after.record.writes.verdicts).toBe(1);
  });

  it('judges a village again when its tally was written since without the mark', async () => {
    const stores = await storedCounty();
    await run(stores);
    const tally = (await stores.runs.listVillageTallies('2018Q4', '513336')).find((t) => t.villageId === VILLAGES[0])!;
    await stores.runs.putVillageTally({ ...tally, population: { ...tally.population, remainingPoor: tally.population.remainingPoor + 1 } });
    const after = await run(stores);
    expect(after.judged).toEqual([VILLAGES[0]]);
    expect((await stores.runs.listVillageTallies('2018Q4', '513336')).find((t) => t.villageId === VILLAGES[0])).toEqual(tally);
  });

  it('judges a village again when the caller declines to keep it, leaving the same store', async () => {
    const stores = await storedCounty();
    await run(stores);
    const before = await stored(stores);
    const declined = await run(stores, { accept: false });
    expect(declined.offered).toEqual(VILLAGES);
    expect(declined.judged).toEqual(VILLAGES);
    expect(declined.record.writes.verdicts).toBe(0);
    expect(await stored(stores)).toEqual(before);
  });

  it('judges both villages a household moved between', async () => {
    const stores = await storedCounty();
    await run(stores);
    const mover = dataset.households.find((h) => h.villageId === VILLAGES[0])!;
    await stores.records.putHouseholds([{ ...mover, villageId: VILLAGES[2]! }]);
    const after = await run(stores);
    expect(after.judged).toEqual([VILLAGES[0], VILLAGES[2]]);
    expect(after.offered).toEqual([VILLAGES[1]]);
  });

  it('judges a village whose households the store cannot list by hash, offering nothing', async () => {
    const tableName = await dynalite.newTable();
    const stores = await storedCounty(tableName);
    await run(stores);
    // No roster (as in a store written before rosters): nothing says the village's list is whole.
    await createDynamoTable(dynalite.client, tableName).doc.send(new DeleteCommand({ TableName: tableName, Key: keys.householdRoster(VILLAGES[1]!) }));
    const after = await run(stores);
    expect(after.judged).toEqual([VILLAGES[1]]);
    expect(after.offered).toEqual([VILLAGES[0], VILLAGES[2]]);
  });
});
