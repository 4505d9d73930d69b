import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { verdictItem } from '../../../src/adapters/dynamodb/mappers.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { household, verdict } from './builders.js';

const dynalite = useDynalite();

/** The `gsi1` entry a verdict was stored with before its subject was found through its partition. */
const oldEntry = (v: { subjectType: string; subjectId: string; ruleSetId: string; year: number }) => ({
  gsi1pk: `SUBJECT#${v.subjectType}#${v.subjectId}`,
  gsi1sk: `${v.ruleSetId}#${v.year}`,
});

describe("a subject's verdicts, found through its partition", () => {
  it('are stored with no gsi1 entry', async () => {
    const tableName = await dynalite.newTable();
    const { verdicts } = dynalite.stores(tableName);
    const put = verdict({ subjectId: 'NOIDX-H1' });
    await verdicts.putChangedVerdicts('NOIDX', [put]);
    await verdicts.replacePartitionVerdicts('NOIDX2', 2018, [verdict({ subjectId: 'NOIDX2-H1' })]);
    for (const [partition, v] of [['NOIDX', put], ['NOIDX2', verdict({ subjectId: 'NOIDX2-H1' })]] as const) {
      const item = (await createDynamoTable(dynalite.client, tableName).doc.send(new GetCommand({ TableName: tableName, Key: keys.verdict(partition, v) }))).Item!;
      expect(item.kind).toBe('verdict');
      expect(item).not.toHaveProperty('gsi1pk');
      expect(item).not.toHaveProperty('gsi1sk');
    }
    expect(verdictItem('P', put)).not.toHaveProperty('gsi1pk');
  });

  it("of a county, of every year and standard, from the county's partition and no other subject's", async () => {
    const { verdicts } = dynalite.stores();
    const county = (year: number, ruleSetId: string) => verdict({ subjectType: 'county', subjectId: 'CNTY', ruleSetId, year, determinationId: `d-${year}-${ruleSetId}` });
    await verdicts.replacePartitionVerdicts('CNTY', 2017, [county(2017, 'county-exit')]);
    await verdicts.replacePartitionVerdicts('CNTY', 2018, [county(2018, 'county-exit'), county(2018, 'accountability')]);
    await verdicts.replacePartitionVerdicts('CNTY', 2019, [county(2019, 'county-exit')]);
    // A village whose id starts with the county's, and a county whose id does.
    await verdicts.putChangedVerdicts('CNTY', [verdict({ subjectType: 'village', subjectId: 'CNTY', ruleSetId: 'village-exit' })]);
    await verdicts.putChangedVerdicts('CNTY2', [verdict({ subjectType: 'county', subjectId: 'CNTY2', ruleSetId: 'county-exit' })]);
    const found = await verdicts.getSubjectVerdicts('county', 'CNTY');
    expect(found).toEqual([county(2018, 'accountability'), county(2017, 'county-exit'), county(2018, 'county-exit'), county(2019, 'county-exit')]);
  });

  it('of a household that moved, from the village its record names once that village is scored', async () => {
    const { verdicts, records } = dynalite.stores();
    await records.putHouseholds([household({ householdId: 'MOVER', villageId: 'FROM' })]);
    const before = verdict({ subjectId: 'MOVER', determinationId: 'd-from' });
    const stayer = verdict({ subjectId: 'STAYER', determinationId: 'd-from' });
    await verdicts.replacePartitionVerdicts('FROM', 2018, [before, stayer]);
    expect(await verdicts.getSubjectVerdicts('household', 'MOVER')).toEqual([before]);
    await records.putHouseholds([household({ householdId: 'MOVER', villageId: 'TO' })]);
    const after = verdict({ subjectId: 'MOVER', determinationId: 'd-to', outcome: 'stay' });
    await verdicts.replacePartitionVerdicts('TO', 2018, [after]);
    // The old village's next run no longer produces the household's verdicts and deletes them.
    expect(await verdicts.replacePartitionVerdicts('FROM', 2018, [stayer])).toBe(1);
    expect(await verdicts.getSubjectVerdicts('household', 'MOVER')).toEqual([after]);
    expect(await verdicts.listPartitionVerdicts('FROM', 2018)).toEqual([stayer]);
  });

  it('of a household the store does not hold: none, whatever a partition holds', async () => {
    const { verdicts } = dynalite.stores();
    await verdicts.putChangedVerdicts('GONE', [verdict({ subjectId: 'GONE-H1' })]);
    expect(await verdicts.getSubjectVerdicts('household', 'GONE-H1')).toEqual([]);
  });

  it('stored by the old layout, with a gsi1 entry, are read the same', async () => {
    const tableName = await dynalite.newTable();
    const { verdicts, records } = dynalite.stores(tableName);
    await records.putHouseholds([household({ householdId: 'OLD-H1', villageId: 'OLD' })]);
    const old = [verdict({ subjectId: 'OLD-H1', year: 2017, determinationId: 'd-2017' }), verdict({ subjectId: 'OLD-H1' }), verdict({ subjectId: 'OLD-H1', ruleSetId: 'return-risk' })];
    for (const v of old) await createDynamoTable(dynalite.client, tableName).doc.send(new PutCommand({ TableName: tableName, Item: { ...verdictItem('OLD', v), ...oldEntry(v) } }));
    expect(await verdicts.getSubjectVerdicts('household', 'OLD-H1')).toEqual([old[0], old[1], old[2]]);
    // A change check over the old items writes the changed verdict, with no entry.
    expect(await verdicts.putChangedVerdicts('OLD', [{ ...old[1]!, determinationId: 'd-2' }])).toBe(1);
    const item = (await createDynamoTable(dynalite.client, tableName).doc.send(new GetCommand({ TableName: tableName, Key: keys.verdict('OLD', old[1]!) }))).Item!;
    expect(item).not.toHaveProperty('gsi1pk');
  });
});
