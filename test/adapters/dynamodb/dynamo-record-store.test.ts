import { beforeAll, describe, expect, it } from 'vitest';
import { estimateItemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { householdItem } from '../../../src/adapters/dynamodb/mappers.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { bigHousehold, county, household, village } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';
import { importDataset } from '../../../src/use-cases/import/import-dataset.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

/** The household items put in BatchWriteItem calls since the log was cleared, by key. */
const householdWrites = () =>
  log
    .named('BatchWriteItemCommand')
    .flatMap((c) => Object.values(c.input.RequestItems as Record<string, { PutRequest?: { Item: { pk: string } } }[]>).flat())
    .flatMap((request) => (request.PutRequest && request.PutRequest.Item.pk.startsWith('HOUSEHOLD#') ? [request.PutRequest.Item.pk] : []))
    .sort();

describe('the DynamoDB record store', () => {
  it("reads a village's households in one paginated Query when they exceed 1 MB", async () => {
    const { records } = dynalite.stores();
    const households = Array.from({ length: 100 }, (_, i) => bigHousehold(`BIG-H${String(99 - i).padStart(3, '0')}`, 'BIG', 12));
    expect(households.reduce((sum, h) => sum + estimateItemSize(householdItem(h)), 0)).toBeGreaterThan(1024 * 1024);
    await records.putHouseholds(households);
    await records.putHouseholds([household({ householdId: 'OTHER-H1', villageId: 'OTHER' })]);

    log.clear();
    const read = await records.listHouseholds('BIG');
    const queries = log.named('QueryCommand');
    expect(queries.length).toBeGreaterThan(1);
    expect(queries.every((q) => q.input.IndexName === 'gsi1')).toBe(true);
    expect(read.map((h) => h.householdId)).toEqual(households.map((h) => h.householdId).sort());
    expect(read.find((h) => h.householdId === 'BIG-H042')).toEqual(households.find((h) => h.householdId === 'BIG-H042'));
  });

  it('writes more records than one batch holds, in batches of 25', async () => {
    const { records } = dynalite.stores();
    log.clear();
    await records.putVillages(Array.from({ length: 60 }, (_, i) => village({ villageId: `B-V${String(i).padStart(2, '0')}`, countyId: 'BATCH' })));
    expect(log.named('BatchWriteItemCommand').map((c) => Object.values(c.input.RequestItems as Record<string, unknown[]>)[0]!.length)).toEqual([25, 25, 10]);
    expect(await records.listVillages('BATCH')).toHaveLength(60);
  });

  it('keeps the last of two records with the same id in one put, as upserts in order would', async () => {
    const { records } = dynalite.stores();
    await records.putCounties([county({ countyId: 'DUP', name: 'first' }), county({ countyId: 'DUP', name: 'second' })]);
    expect((await records.getCounty('DUP'))?.name).toBe('second');
    expect((await records.listCounties()).filter((c) => c.countyId === 'DUP')).toHaveLength(1);
  });

  it('keeps the unknown fields of loose records', async () => {
    const { records } = dynalite.stores();
    await records.putVillages([village({ villageId: 'LOOSE', pk: 'not a key', extra: { nested: [1, 'two', null] } })]);
    expect(await records.getVillage('LOOSE')).toMatchObject({ pk: 'not a key', extra: { nested: [1, 'two', null] } });
  });

  it('writes again only the records whose content changed, so re-importing an unchanged dataset writes nothing', async () => {
    const { records } = dynalite.stores();
    const households = ['SKIP-H1', 'SKIP-H2', 'SKIP-H3'].map((id) => household({ householdId: id, villageId: 'SKIP-V' }));
    await records.putHouseholds(households);
    await records.putVillages([village({ villageId: 'SKIP-V', countyId: 'SKIP' })]);
    log.clear();
    await records.putHouseholds(households.map((h) => structuredClone(h)));
    await records.putVillages([village({ villageId: 'SKIP-V', countyId: 'SKIP' })]);
    expect(log.batchWrites()).toBe(0);

    const moved = { ...households[1]!, villageId: 'SKIP-W' };
    const richer = { ...households[2]!, incomePerCapita: (households[2]!.incomePerCapita ?? 0) + 1 };
    await records.putHouseholds([households[0]!, moved, richer]);
    expect(householdWrites()).toEqual(['HOUSEHOLD#SKIP-H2', 'HOUSEHOLD#SKIP-H3']);
    expect((await records.listHouseholds('SKIP-V')).map((h) => [h.householdId, h.incomePerCapita])).toEqual([
      ['SKIP-H1', households[0]!.incomePerCapita],
      ['SKIP-H3', richer.incomePerCapita],
    ]);
    expect(await records.listHouseholds('SKIP-W')).toEqual([moved]);
  });

  it('reads no content hash of a first import’s households into an empty store, nor on a re-import (their villages’ rosters hold them)', async () => {
    const stores = await dynalite.freshStores();
    const dataset = {
      counties: [county({ countyId: 'FIRST' })],
      townships: [],
      units: [],
      villages: [village({ villageId: 'FIRST-V', countyId: 'FIRST', townshipId: 'FIRST-T' })],
      households: ['FIRST-H1', 'FIRST-H2'].map((id) => household({ householdId: id, villageId: 'FIRST-V' })),
      cardHistory: [],
      rejected: [],
    };
    const householdHashReads = () =>
      log
        .named('BatchGetItemCommand')
        .flatMap((c) => Object.values(c.input.RequestItems as Record<string, { Keys: { pk: string }[] }>).flatMap((r) => r.Keys))
        .filter((key) => key.pk.startsWith('HOUSEHOLD#')).length;
    log.clear();
    await importDataset(stores, dataset);
    expect(householdHashReads()).toBe(0);
    expect((await stores.records.listHouseholds('FIRST-V')).map((h) => h.householdId)).toEqual(['FIRST-H1', 'FIRST-H2']);
    log.clear();
    await importDataset(stores, dataset);
    expect(householdHashReads()).toBe(0);
    expect(log.batchWrites()).toBe(0);
  });
});
