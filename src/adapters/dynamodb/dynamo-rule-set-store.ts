import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { RuleSetConflictError } from '../../engine/errors.js';
import { StoredRuleSetInvalidError } from '../../engine/load-rule-set.js';
import { RuleSetLimitError, sizeProblem } from '../../engine/rule-set-limits.js';
import type { PublishedRuleSet, RuleSetStore } from '../../ports/stores.js';
import { getItem, type DynamoTable } from './dynamo-table.js';
import { compareText } from '../../kernel/text.js';
import { estimateItemSize } from './item-size.js';
import { keys } from './keys.js';
import { dataOf, ruleSetIdItem, ruleSetVersionItem, type Item } from './mappers.js';
import { queryAll } from './query-all.js';

/**
 * The published version an item holds. An item written behind the gate's back may hold no rule
 * set, or another version than its key says: refused here, by the id and version of its key
 * (the full re-check of the content is `checkedStoredRuleSet`'s, when the version is loaded).
 */
function publishedOf(item: Item, id: string): PublishedRuleSet {
  const entry = dataOf<PublishedRuleSet>(item, 'rule-set-version');
  const version = Number(String(item.sk).slice('VERSION#'.length));
  const ruleSet: unknown = entry.ruleSet;
  if (typeof ruleSet !== 'object' || ruleSet === null) throw new StoredRuleSetInvalidError(id, version, [{ path: 'ruleSet', message: 'the item holds no rule set' }]);
  const held = ruleSet as { id?: unknown; version?: unknown };
  if (held.id !== id || held.version !== version) {
    throw new StoredRuleSetInvalidError(id, version, [{ path: 'ruleSet', message: `the item holds ${String(held.id)} version ${String(held.version)}` }]);
  }
  return entry;
}

/** Published versions, one partition per rule-set id; never overwritten. */
export class DynamoRuleSetStore implements RuleSetStore {
  constructor(private readonly table: DynamoTable) {}

  /**
   * Writes the version only if its key is free (`attribute_not_exists`), so of two concurrent
   * publishers exactly one wins and the other gets `RuleSetConflictError`. The id's marker item
   * is written after the version, and again on a conflict, so a publish retried after a failed
   * marker write repairs it. A version too big for one item is refused with `RuleSetLimitError`
   * before it is sent (DynamoDB would answer with an error that names nothing).
   */
  async publish(entry: PublishedRuleSet): Promise<void> {
    const item = ruleSetVersionItem(entry);
    const tooBig = sizeProblem(estimateItemSize(item), 'stored version');
    if (tooBig) throw new RuleSetLimitError(tooBig);
    let conflict = false;
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': 'pk' },
        }),
      );
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      conflict = true;
    }
    await this.table.doc.send(new PutCommand({ TableName: this.table.tableName, Item: ruleSetIdItem(entry.ruleSet.id) }));
    if (conflict) throw new RuleSetConflictError(entry.ruleSet.id, entry.ruleSet.version);
  }

  async getVersion(id: string, version: number): Promise<PublishedRuleSet | null> {
    const item = await getItem(this.table, keys.ruleSetVersion(id, version));
    return item ? publishedOf(item, id) : null;
  }

  /** Every version of the id, by version ascending. */
  async listVersions(id: string): Promise<PublishedRuleSet[]> {
    const items = await queryAll(this.table, keys.ruleSetVersions(id), { consistent: true });
    return items.map((item) => publishedOf(item, id)).sort((a, b) => a.ruleSet.version - b.ruleSet.version);
  }

  /** The ids with a published version, sorted, read from their marker items (not from the versions). */
  async listIds(): Promise<string[]> {
    const items = await queryAll(this.table, keys.ruleSetIds(), { consistent: true });
    return items.map((item) => String(item.ruleSetId)).sort(compareText);
  }
}
