import { fileURLToPath } from 'node:url';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { itemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { VillageTally } from '../../../src/ports/run-store.js';
import { seedRuleSets } from '../../../src/use-cases/seed-rule-sets.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { scoreFolderInMemory } from '../../helpers/score-in-memory.js';

const SAMPLE = fileURLToPath(new URL('../../../data/sample-county', import.meta.url));
const dynalite = useDynalite();
let tallies: VillageTally[];

beforeAll(async () => {
  const scored = await scoreFolderInMemory(SAMPLE, '2018Q4', EVALUATORS.compiled);
  tallies = await scored.stores.runs.listVillageTallies('2018Q4', scored.dataset.counties[0]!.countyId);
}, 120_000);

/** Writes the county's tallies to a new table (with the repository's versions published, or none) and reads them back, with the headers as stored. */
async function storeTallies(published: boolean) {
  const tableName = await dynalite.newTable();
  const stores = dynalite.stores(tableName);
  if (published) await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  for (const t of tallies) await stores.runs.putVillageTally(t);
  const table = createDynamoTable(dynalite.client, tableName);
  const headers = await Promise.all(tallies.map(async (t) => (await table.doc.send(new GetCommand({ TableName: tableName, Key: keys.tally(t.quarter, t.countyId, t.villageId) }))).Item!));
  // A new store, as a cold function would open: it restores the labels from the versions it reads.
  const read = await dynalite.stores(tableName).runs.listVillageTallies('2018Q4', tallies[0]!.countyId);
  return { headers, read };
}

const labelOf = (t: VillageTally) => t.overview!.householdItemLabels[0]!.label.zh;

describe("a tally's overview labels", () => {
  it('are left out when the versions the tally names are in the store, and restored from them byte for byte', async () => {
    const { headers, read } = await storeTallies(true);
    for (const header of headers) {
      expect(header.labels).toBe('versions');
      expect(header.figures).not.toContain(labelOf(tallies[0]!));
    }
    expect(read.map((t) => JSON.stringify(t))).toEqual(tallies.map((t) => JSON.stringify(t)));
  });

  it('are stored as they are when a version is not in the store, and read back the same', async () => {
    const { headers, read } = await storeTallies(false);
    for (const header of headers) {
      expect(header.labels).toBeUndefined();
      expect(header.figures).toContain(labelOf(tallies[0]!));
    }
    expect(read.map((t) => JSON.stringify(t))).toEqual(tallies.map((t) => JSON.stringify(t)));
  });

  it('make a header of a tally with its labels left out about a kilobyte smaller', async () => {
    const [compact, whole] = [await storeTallies(true), await storeTallies(false)];
    const sum = (items: Record<string, unknown>[]) => items.reduce((total, item) => total + itemSize(item), 0);
    expect(sum(whole.headers) - sum(compact.headers)).toBeGreaterThan(1_000 * tallies.length);
  });
});
