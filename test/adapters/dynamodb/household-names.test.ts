import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import type { Household } from '../../../src/records/records.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { bigHousehold, household } from './builders.js';

const dynalite = useDynalite();

interface AnsweredQuery {
  readonly input: Record<string, unknown>;
  readonly items: Record<string, unknown>[];
}

/** Every Query the client sends with the items the server answered, as the store reads them. */
function watchQueries(client: DynamoDBClient): AnsweredQuery[] {
  const queries: AnsweredQuery[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') {
        const output = result.output as { Items?: Record<string, unknown>[] };
        queries.push({ input: args.input as Record<string, unknown>, items: output.Items ?? [] });
      }
      return result;
    },
    { step: 'initialize', name: 'tuopinTestAnsweredQueries' },
  );
  return queries;
}

/** The field names of a map as the DocumentClient gives it, or as the wire does (`{ M: … }`). */
const fieldsOf = (value: unknown): string[] => {
  const map = value as Record<string, unknown>;
  return Object.keys('M' in map && typeof map.M === 'object' ? (map.M as object) : map).sort();
};

let queries: AnsweredQuery[];
beforeAll(() => {
  queries = watchQueries(dynalite.client);
});

describe("the DynamoDB record store's household names", () => {
  it("ask the village's gsi1 listing for the three fields under data only, and get no other field back", async () => {
    const { records } = dynalite.stores();
    await records.putHouseholds([
      { ...bigHousehold('PROJ-H2', 'PROJ-V', 4), headName: '赵六' },
      { ...bigHousehold('PROJ-H1', 'PROJ-V', 4), headName: '' },
      household({ householdId: 'PROJ-H3', villageId: 'PROJ-W', headName: '钱七' }),
    ]);
    queries.splice(0);

    const names = await records.listHouseholdNames('PROJ-V');

    expect(names).toEqual([
      { householdId: 'PROJ-H1', villageId: 'PROJ-V', headName: null },
      { householdId: 'PROJ-H2', villageId: 'PROJ-V', headName: '赵六' },
    ]);
    expect(queries).toHaveLength(1);
    const [query] = queries;
    expect(query!.input.IndexName).toBe('gsi1');
    expect(query!.input.ConsistentRead).toBeUndefined();
    const aliases = query!.input.ExpressionAttributeNames as Record<string, string>;
    const projection = String(query!.input.ProjectionExpression)
      .split(', ')
      .map((path) => path.split('.').map((alias) => aliases[alias]).join('.'));
    expect(projection.sort()).toEqual(['data.headName', 'data.householdId', 'data.villageId', 'kind']);
    expect(query!.items).toHaveLength(2);
    for (const item of query!.items) {
      expect(Object.keys(item).sort()).toEqual(['data', 'kind']);
      // No members, visit notes, income…: the records' bulk never leaves the table.
      expect(fieldsOf(item.data)).toEqual(['headName', 'householdId', 'villageId']);
    }
  });

  it('agree with the memory store on the same records', async () => {
    const households: Household[] = Array.from({ length: 120 }, (_, i) => {
      const heads = ['孙八', '', null, undefined, `周${i}`];
      const head = heads[i % heads.length];
      const id = `AG${i % 3 === 0 ? '#' : i % 3 === 1 ? '%' : '-'}${String((i * 37) % 120).padStart(3, '0')}`;
      return household({ householdId: id, villageId: `AG-V${i % 4 === 0 ? '#' : ''}${i % 4}`, ...(head === undefined ? {} : { headName: head }) });
    });
    const dynamo = (await dynalite.freshStores()).records;
    const memory = createMemoryStores().records;
    await dynamo.putHouseholds(households);
    await memory.putHouseholds(households);
    // A household that moves village and one that leaves: both stores follow them.
    const moved = { ...households[7]!, villageId: 'AG-V#0', headName: '吴九' };
    for (const store of [dynamo, memory]) {
      await store.putHouseholds([moved]);
      await store.removeHouseholds(households[8]!.villageId, [households[8]!.householdId]);
    }

    for (const villageId of ['AG-V#0', 'AG-V1', 'AG-V2', 'AG-V3', 'AG-NONE']) {
      const fromDynamo = await dynamo.listHouseholdNames(villageId);
      expect(await memory.listHouseholdNames(villageId)).toEqual(fromDynamo);
      // And both agree with the whole records they hold.
      const whole = await dynamo.listHouseholds(villageId);
      expect(fromDynamo.map((n) => n.householdId)).toEqual(whole.map((h) => h.householdId));
      expect(fromDynamo.map((n) => n.headName)).toEqual(whole.map((h) => (h.headName ? h.headName : null)));
    }
    expect((await dynamo.listHouseholdNames('AG-V#0')).find((n) => n.householdId === moved.householdId)?.headName).toBe('吴九');
  });

  it('leave the projections of top-level attributes as they were sent before paths existed', async () => {
    const { records } = dynalite.stores();
    await records.putHouseholds([household({ householdId: 'IDS-H1', villageId: 'IDS-V' })]);
    queries.splice(0);
    expect(await records.listHouseholdIds('IDS-V')).toEqual(['IDS-H1']);
    expect(queries.map((q) => [q.input.ProjectionExpression, q.input.ExpressionAttributeNames])).toEqual([['#a0', { '#pk': 'gsi1pk', '#a0': 'gsi1sk' }]]);
  });
});
