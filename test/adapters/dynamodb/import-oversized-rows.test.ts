import { cp, mkdtemp, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import type { Stores } from '../../../src/ports/stores.js';
import type { RejectedRow } from '../../../src/records/parsing/rejected-row.js';
import { importDataset, type ImportCounts } from '../../../src/use-cases/import/import-dataset.js';
import { useDynalite } from '../../helpers/dynalite.js';

const dynalite = useDynalite();
const example = fileURLToPath(new URL('../../fixtures/example/', import.meta.url));
const VILLAGE = 'C-W-T2-V0';

// Three households the example's 382 are followed by (lines 383-385), each too big for DynamoDB:
// a 1 MB field, a 3,000-character id, and 140,000 Chinese characters (420,000 bytes in UTF-8
// as DynamoDB counts them, though only 140,000 characters: dynalite alone would take it).
const OVERSIZED = [
  { householdId: 'H-BIG', villageId: VILLAGE, status: 'poor', notes: 'x'.repeat(1024 * 1024) },
  { householdId: 'L'.repeat(3000), villageId: VILLAGE, status: 'poor' },
  { householdId: 'H-CJK', villageId: VILLAGE, status: 'poor', headName: '王', notes: '村'.repeat(140_000) },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tuopin-oversized-'));
  await cp(example, dir, { recursive: true });
  await appendFile(join(dir, 'households.jsonl'), OVERSIZED.map((row) => `${JSON.stringify(row)}\n`).join(''));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function importInto(stores: Stores): Promise<{ counts: ImportCounts; rejected: RejectedRow[] }> {
  const opened = await openDatasetFolder(dir);
  const counts = await importDataset(stores, opened.frame, opened.households);
  return { counts, rejected: opened.rejected };
}

async function householdIds(stores: Stores): Promise<string[]> {
  const ids: string[] = [];
  for (const county of await stores.records.listCounties()) {
    for (const village of await stores.records.listVillages(county.countyId)) {
      ids.push(...(await stores.records.listHouseholds(village.villageId)).map((h) => h.householdId));
    }
  }
  return ids;
}

describe('importing a households file with rows too big for DynamoDB', () => {
  it('rejects each such row by file and line and imports every other row into dynalite', async () => {
    const stores = await dynalite.freshStores();
    const { counts, rejected } = await importInto(stores);
    expect(counts.households).toBe(382);
    expect(rejected.map(({ file, line, field, id }) => ({ file, line, field, id }))).toEqual([
      { file: 'households.jsonl', line: 383, field: 'notes', id: 'H-BIG' },
      { file: 'households.jsonl', line: 384, field: 'householdId', id: `${'L'.repeat(79)}…` },
      { file: 'households.jsonl', line: 385, field: 'notes', id: 'H-CJK' },
    ]);
    expect(rejected[0]?.reason).toMatch(/^the record takes 1,048,\d{3} bytes as stored, more than the store's 409,600 per record; notes alone takes 1,048,576 bytes$/);
    expect(rejected[1]?.reason).toMatch(/^too long to store: it makes a partition key \(pk\) of 3,010 bytes in UTF-8, more than the 2,048 allowed/);
    expect(rejected[2]?.reason).toMatch(/notes alone takes 420,000 bytes$/);
    const ids = await householdIds(stores);
    expect(ids).toHaveLength(382);
    expect(ids).not.toContain('H-BIG');
  });

  it('leaves the memory store holding exactly what the DynamoDB store holds, with the same rejections', async () => {
    const dynamo = await dynalite.freshStores();
    const memory = createMemoryStores();
    const [fromDynamo, fromMemory] = [await importInto(dynamo), await importInto(memory)];
    expect(fromMemory).toEqual(fromDynamo);
    expect(await householdIds(memory)).toEqual(await householdIds(dynamo));
    expect(await memory.records.listHouseholds(VILLAGE)).toEqual(await dynamo.records.listHouseholds(VILLAGE));
  });
});
