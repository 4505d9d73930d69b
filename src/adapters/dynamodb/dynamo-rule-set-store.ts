import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { RuleSetConflictError } from '../../engine/errors.js';
import type { PublishedRuleSet, RuleSetStore } from '../../ports/rule-set-store.js';
import { compareText } from '../../standards/accountability/compare-text.js';
import type { DynamoTable } from './dynamo-table.js';
import { getItem } from './get-item.js';
import { keys } from './keys.js';
import { dataOf, ruleSetIdItem, ruleSetVersionItem } from './mappers.js';
import { queryAll } from './query-all.js';

/** Published versions, one partition per rule-set id; never overwritten. */
export class DynamoRuleSetStore implements RuleSetStore {
  constructor(private readonly table: DynamoTable) {}

  /**
   * Writes the version only if its key is free (`attribute_not_exists`), so of two concurrent
   * publishers exactly one wins and the other gets `RuleSetConflictError`. The id's marker item
   * is written after the version, and again on a conflict, so a publish retried after a failed
   * marker write repairs it.
   */
  async publish(entry: PublishedRuleSet): Promise<void> {
    let conflict = false;
    try {
      await this.table.doc.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: ruleSetVersionItem(entry),
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
    return item ? dataOf<PublishedRuleSet>(item, 'rule-set-version') : null;
  }

  /** Every version of the id, by version ascending. */
  async listVersions(id: string): Promise<PublishedRuleSet[]> {
    const items = await queryAll(this.table, keys.ruleSetVersions(id), { consistent: true });
    return items.map((item) => dataOf<PublishedRuleSet>(item, 'rule-set-version')).sort((a, b) => a.ruleSet.version - b.ruleSet.version);
  }

  /** The ids with a published version, sorted, read from their marker items (not from the versions). */
  async listIds(): Promise<string[]> {
    const items = await queryAll(this.table, keys.ruleSetIds(), { consistent: true });
    return items.map((item) => String(item.ruleSetId)).sort(compareText);
  }
}
