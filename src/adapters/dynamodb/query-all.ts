import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DynamoTable } from './dynamo-table.js';
import type { QueryTarget } from './keys.js';
import type { Item } from './mappers.js';

export interface QueryOptions {
  /** Strongly consistent read (base table only; `gsi1` is always eventually consistent). */
  readonly consistent?: boolean;
  /** Top-level attributes to return instead of whole items (saves transfer, not read capacity). */
  readonly attributes?: readonly string[];
  /**
   * Attribute paths to return as well, each the names from the top down (`['data', 'headName']`
   * for `data.headName`): a record's few fields out of the map it is kept in. Each name goes
   * through `ExpressionAttributeNames`, so a field named like a reserved word or holding a dot
   * is still read as itself.
   */
  readonly paths?: readonly (readonly string[])[];
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
  const projected: string[] = [];
  if (options.attributes) {
    options.attributes.forEach((name, i) => (names[`#a${i}`] = name));
    projected.push(...options.attributes.map((_, i) => `#a${i}`));
  }
  if (options.paths) projected.push(...pathProjection(options.paths, names));
  const projection = projected.length > 0 ? projected.join(', ') : undefined;
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

/** The projection of each path, its names added to `names` once each (`#p0`, `#p1`…), `data` shared by every path under it. */
function pathProjection(paths: readonly (readonly string[])[], names: Record<string, string>): string[] {
  const placeholders = new Map<string, string>();
  const placeholder = (name: string) => {
    let held = placeholders.get(name);
    if (held === undefined) {
      held = `#p${placeholders.size}`;
      placeholders.set(name, held);
      names[held] = name;
    }
    return held;
  };
  return paths.map((path) => path.map(placeholder).join('.'));
}
