import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DynamoTable } from './dynamo-table.js';
import type { QueryTarget } from './keys.js';
import type { Item } from './mappers.js';

export interface QueryOptions {
  /** Strongly consistent read (base table only; `gsi1` is always eventually consistent). */
  readonly consistent?: boolean;
  /** Top-level attributes to return instead of whole items (saves transfer, not read capacity). */
  readonly attributes?: readonly string[];
}

/** Every item of a Query, following `LastEvaluatedKey` page after page (1 MB each). */
export async function queryAll(table: DynamoTable, target: QueryTarget, options: QueryOptions = {}): Promise<Item[]> {
  const pkName = target.index ? 'gsi1pk' : 'pk';
  const skName = target.index ? 'gsi1sk' : 'sk';
  const names: Record<string, string> = { '#pk': pkName };
  const values: Record<string, unknown> = { ':pk': target.pk };
  let condition = '#pk = :pk';
  if (target.skPrefix !== undefined) {
    names['#sk'] = skName;
    values[':sk'] = target.skPrefix;
    condition += ' AND begins_with(#sk, :sk)';
  }
  let projection: string | undefined;
  if (options.attributes) {
    options.attributes.forEach((name, i) => (names[`#a${i}`] = name));
    projection = options.attributes.map((_, i) => `#a${i}`).join(', ');
  }
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const input: QueryCommandInput = {
      TableName: table.tableName,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ExclusiveStartKey: startKey,
    };
    if (target.index) input.IndexName = target.index;
    else if (options.consistent) input.ConsistentRead = true;
    if (projection) input.ProjectionExpression = projection;
    const page = await table.doc.send(new QueryCommand(input));
    items.push(...((page.Items ?? []) as Item[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
