import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { queryAll } from '../../../src/adapters/dynamodb/query-all.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { household, verdict } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';

const dynalite = useDynalite();
let log: CommandLog;
beforeAll(() => {
  log = logCommands(dynalite.client);
});

/** A village's verdicts: its households' household-exit verdicts and its own village-exit verdict. */
function villageVerdicts(villageId: string, households: number, determination = 'd-1') {
  return [
    ...Array.from({ length: households }, (_, i) => verdict({ subjectId: `${villageId}-H${String(i).padStart(3, '0')}`, determinationId: determination })),
    verdict({ subjectType: 'village', subjectId: villageId, ruleSetId: 'village-exit', determinationId: determination }),
  ];
}

describe('the DynamoDB verdict store', () => {
  it('sends no write at all when a re-run brings the same verdicts', async () => {
    const { verdicts } = dynalite.stores();
    const first = villageVerdicts('RERUN', 60);
    expect(await verdicts.putChangedVerdicts('RERUN', first)).toBe(61);
    log.clear();
    expect(await verdicts.putChangedVerdicts('RERUN', first)).toBe(0);
    expect(log.batchWrites()).toBe(0);
    expect(log.named('QueryCommand')).toHaveLength(1);
  });

  it('sends exactly the changed verdicts', async () => {
    const { verdicts, records } = dynalite.stores();
    const first = villageVerdicts('CHANGE', 30);
    await records.putHouseholds([household({ householdId: 'CHANGE-H010', villageId: 'CHANGE' })]);
    await verdicts.putChangedVerdicts('CHANGE', first);
    const next = first.map((v, i) => (i % 10 === 0 ? { ...v, determinationId: 'd-2', outcome: 'stay' } : v));
    log.clear();
    expect(await verdicts.putChangedVerdicts('CHANGE', next)).toBe(4);
    // The 4 verdicts, and the delete of the partition's digest of the year, which no longer holds.
    expect(log.batchWrites()).toBe(5);
    expect((await verdicts.getSubjectVerdicts('household', 'CHANGE-H010'))[0]?.outcome).toBe('stay');
  });

  it("reads a partition's determination ids with a strongly consistent, projected Query of its year", async () => {
    const { verdicts } = dynalite.stores();
    log.clear();
    await verdicts.putChangedVerdicts('PROJ', villageVerdicts('PROJ', 2));
    const [query] = log.named('QueryCommand');
    expect(query?.input).toMatchObject({ ConsistentRead: true, ProjectionExpression: '#a0, #a1', ExpressionAttributeValues: { ':sk': 'VERDICT#2018#' } });
  });

  it('gives back verdicts with their explanations exactly as put', async () => {
    const { verdicts, records } = dynalite.stores();
    await records.putHouseholds([household({ householdId: 'EXACT-H1', villageId: 'EXACT' })]);
    const full = verdict({
      subjectId: 'EXACT-H1',
      figures: { numerator: 3, denominator: 671, ratio: 0.004470938897168405, missingPart: null },
      warnings: [{ id: 'notice-days', label: { zh: '公示天数不足', en: 'notice too short' }, actual: 5, expected: '>= 7' }],
      items: [{ id: 'income', outcome: 'pass', label: { zh: '收入', en: 'income' }, actual: { perCapita: 4210.5, members: [1, 2] }, expected: '> 3535' }],
    });
    await verdicts.putChangedVerdicts('EXACT', [full]);
    expect(await verdicts.listPartitionVerdicts('EXACT', 2018)).toEqual([full]);
    expect(await verdicts.getSubjectVerdicts('household', 'EXACT-H1')).toEqual([full]);
  });

  it('keeps the verdicts of a village apart from a village whose id starts the same', async () => {
    const { verdicts } = dynalite.stores();
    await verdicts.putChangedVerdicts('PRE', villageVerdicts('PRE', 1));
    await verdicts.putChangedVerdicts('PRE1', villageVerdicts('PRE1', 1));
    expect((await verdicts.listPartitionVerdicts('PRE', 2018)).map((v) => v.subjectId)).toEqual(['PRE-H000', 'PRE']);
  });
});

describe("a village's verdict digest", () => {
  /** Reads of verdict partitions (GetItem, Query, BatchGetItem), leaving out the rule-set versions read for their texts. */
  const onPartition = (input: Record<string, any>) => JSON.stringify(input.Key ?? input.ExpressionAttributeValues ?? input.RequestItems).includes('PARTITION#');
  const reads = () => ['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand'].map((name) => log.named(name).filter((c) => onPartition(c.input)).length);

  it('lets a re-run over an unchanged village read one small item and write nothing', async () => {
    const { verdicts } = dynalite.stores();
    const village = villageVerdicts('DIGEST', 40);
    expect(await verdicts.replacePartitionVerdicts('DIGEST', 2018, village)).toBe(41);
    log.clear();
    expect(await verdicts.replacePartitionVerdicts('DIGEST', 2018, [...village].reverse())).toBe(0);
    expect(reads()).toEqual([1, 0, 0]);
    expect(log.batchWrites()).toBe(0);
  });

  it('changes with any determination, so a changed village is read and only its change written', async () => {
    const { verdicts } = dynalite.stores();
    const village = villageVerdicts('DCHANGE', 20);
    await verdicts.replacePartitionVerdicts('DCHANGE', 2018, village);
    const next = village.map((v, i) => (i === 7 ? { ...v, determinationId: 'd-2', outcome: 'stay' } : v));
    log.clear();
    expect(await verdicts.replacePartitionVerdicts('DCHANGE', 2018, next)).toBe(1);
    expect(reads()).toEqual([1, 1, 0]);
    // The old digest deleted before the change, the verdict, the new digest after it.
    expect(log.batchWrites()).toBe(3);
    log.clear();
    expect(await verdicts.replacePartitionVerdicts('DCHANGE', 2018, next)).toBe(0);
    expect(reads()).toEqual([1, 0, 0]);
  });

  it('is kept per year: another year of the same village is read in full', async () => {
    const { verdicts } = dynalite.stores();
    await verdicts.replacePartitionVerdicts('DYEAR', 2018, villageVerdicts('DYEAR', 3));
    const nextYear = villageVerdicts('DYEAR', 3).map((v) => ({ ...v, year: 2019 }));
    expect(await verdicts.replacePartitionVerdicts('DYEAR', 2019, nextYear)).toBe(4);
    expect(await verdicts.listPartitionVerdicts('DYEAR', 2018)).toHaveLength(4);
  });

  it('never vouches for a partition written since: an on-demand verdict is set right by the next nightly run', async () => {
    const { verdicts, records } = dynalite.stores();
    const village = villageVerdicts('DSTALE', 5);
    await records.putHouseholds([household({ householdId: village[2]!.subjectId, villageId: 'DSTALE' })]);
    await verdicts.replacePartitionVerdicts('DSTALE', 2018, village);
    // A household re-judged on demand after a correction that the next import takes back.
    await verdicts.putChangedVerdicts('DSTALE', [{ ...village[2]!, determinationId: 'd-on-demand', outcome: 'stay' }]);
    expect(await verdicts.replacePartitionVerdicts('DSTALE', 2018, village)).toBe(1);
    expect((await verdicts.getSubjectVerdicts('household', village[2]!.subjectId))[0]?.outcome).toBe(village[2]!.outcome);
  });

  it("reads a changed village's ids eventually consistently while its digest stands, strongly once someone wrote since", async () => {
    const { verdicts } = dynalite.stores();
    const village = villageVerdicts('DHALF', 6);
    const consistency = () => log.named('QueryCommand').filter((c) => JSON.stringify(c.input).includes('PARTITION#DHALF')).map((c) => c.input.ConsistentRead === true);
    log.clear();
    await verdicts.replacePartitionVerdicts('DHALF', 2018, village);
    const changed = village.map((v, i) => (i === 1 ? { ...v, determinationId: 'd-2' } : v));
    await verdicts.replacePartitionVerdicts('DHALF', 2018, changed);
    // An on-demand verdict deletes the digest, so the next night reads strongly.
    await verdicts.putChangedVerdicts('DHALF', [{ ...village[2]!, determinationId: 'd-on-demand' }]);
    await verdicts.replacePartitionVerdicts('DHALF', 2018, changed);
    expect(consistency()).toEqual([true, false, true, true]);
    expect((await verdicts.listPartitionVerdicts('DHALF', 2018)).map((v) => v.determinationId).sort()).toEqual(changed.map((v) => v.determinationId).sort());
  });

  it('is set right by a night that reads a view older than the last night: a verdict is only written twice', async () => {
    const { verdicts } = dynalite.stores();
    const first = villageVerdicts('DOLD', 8);
    await verdicts.replacePartitionVerdicts('DOLD', 2018, first);
    const before = await queryAll(createDynamoTable(dynalite.client, dynalite.tableName), keys.partitionVerdicts('DOLD', 2018), { consistent: true });
    const second = first.map((v, i) => (i === 3 ? { ...v, determinationId: 'd-2' } : v));
    await verdicts.replacePartitionVerdicts('DOLD', 2018, second);
    // The third night's Query answers with the first night's items, as a lagging replica could.
    const stale = (next: (args: any) => Promise<any>) => async (args: any) => {
      const out = await next(args);
      if (args.input.ConsistentRead !== true && JSON.stringify(args.input).includes('PARTITION#DOLD')) {
        // Items are already plain values here: the document client's middleware sits inside this one.
        out.output.Items = before.map((item) => ({ pk: item.pk, sk: item.sk, determinationId: item.determinationId }));
      }
      return out;
    };
    dynalite.client.middlewareStack.add(stale, { step: 'initialize', name: 'staleView' });
    try {
      const third = second.map((v, i) => (i === 5 ? { ...v, determinationId: 'd-3' } : v));
      // Verdict 3 again (the old view still shows its first id) and verdict 5.
      expect(await verdicts.replacePartitionVerdicts('DOLD', 2018, third)).toBe(2);
      expect((await verdicts.listPartitionVerdicts('DOLD', 2018)).map((v) => `${v.subjectId} ${v.determinationId}`).sort()).toEqual(third.map((v) => `${v.subjectId} ${v.determinationId}`).sort());
    } finally {
      dynalite.client.middlewareStack.remove('staleView');
    }
  });

  it('never vouches for a partition whose verdicts a snapshot import removed', async () => {
    const { verdicts } = dynalite.stores();
    const village = villageVerdicts('DGONE', 4);
    await verdicts.replacePartitionVerdicts('DGONE', 2018, village);
    expect(await verdicts.deleteSubjectVerdicts('DGONE', 'household', [village[0]!.subjectId])).toBe(1);
    expect(await verdicts.replacePartitionVerdicts('DGONE', 2018, village)).toBe(1);
    expect(await verdicts.listPartitionVerdicts('DGONE', 2018)).toHaveLength(5);
  });
});
