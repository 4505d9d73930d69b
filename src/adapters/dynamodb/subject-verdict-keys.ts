import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SubjectType } from '../../engine/verdict.js';
import type { DynamoTable } from './dynamo-table.js';
import { keys, type QueryTarget } from './keys.js';

/*
 * Where a subject's verdicts are, found without an index entry per verdict (which cost every
 * changed verdict a second write unit): a village's and a county's partition is their own id, a
 * household's is the village its stored record names. A household that moved keeps no verdict
 * in the old village for long: the next nightly run of that village no longer produces them and
 * deletes them, and a snapshot import that drops the village deletes its whole partition.
 */

/** The partition holding the subject's verdicts; null for a household the store does not hold. */
export async function subjectPartition(table: DynamoTable, subjectType: SubjectType, subjectId: string): Promise<string | null> {
  if (subjectType !== 'household') return subjectId;
  const out = await table.doc.send(
    new GetCommand({
      TableName: table.tableName,
      Key: keys.household(subjectId),
      ProjectionExpression: '#d.#v',
      ExpressionAttributeNames: { '#d': 'data', '#v': 'villageId' },
    }),
  );
  const villageId = (out.Item?.data as { villageId?: unknown } | undefined)?.villageId;
  return typeof villageId === 'string' ? villageId : null;
}

/**
 * The years a partition holds verdicts of, each found by one Query of one key (`Limit: 1`)
 * that starts past the year found before: a few small reads, however many verdicts a year holds.
 */
export async function partitionVerdictYears(table: DynamoTable, partition: string): Promise<string[]> {
  const { pk, skPrefix } = keys.partitionAllVerdicts(partition);
  // `$` follows `#`: `VERDICT#<year>$` sorts after every key of that year, `VERDICT$` after every verdict.
  const end = `${skPrefix!.slice(0, -1)}$`;
  const years: string[] = [];
  let from = skPrefix!;
  for (;;) {
    const page = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :end',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':end': end },
        ProjectionExpression: '#sk',
        Limit: 1,
      }),
    );
    const sk = page.Items?.[0]?.sk;
    if (typeof sk !== 'string') return years;
    const year = sk.slice(skPrefix!.length).split('#')[0]!;
    years.push(year);
    from = `${skPrefix}${year}$`;
  }
}

/** The Query of one subject's verdicts of one year in its partition (every standard). */
export const subjectYearVerdicts = (partition: string, year: string, subjectType: SubjectType, subjectId: string): QueryTarget => {
  // An empty rule-set id leaves the key ending in `#`: every standard of this subject, no other subject.
  const { pk, sk } = keys.verdict(partition, { year: Number(year), subjectType, subjectId, ruleSetId: '' });
  return { pk, skPrefix: sk };
};
