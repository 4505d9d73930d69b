import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RuleSetLimitError, sizeProblem } from '../../engine/rule-set-limits.js';
import type { DraftContent, DraftStatus, DraftStep, RuleDraft, RuleDraftStore } from '../../ports/rule-draft-store.js';
import { AUTHOR_ACTIONS, DraftNotFoundError, DraftStateError, refusalOf, SelfApprovalRefusedError } from '../../use-cases/rule-drafts/draft-errors.js';
import { getItem, type DynamoTable } from './dynamo-table.js';
import { estimateItemSize } from './item-size.js';
import { keys } from './keys.js';
import { dataOf, type Item } from './mappers.js';
import { queryAll } from './query-all.js';

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** The item of a draft: the draft whole under `data`, its status and author beside the keys for the conditions. */
const draftItem = (draft: RuleDraft): Item => ({ ...keys.ruleDraft(draft.ruleSetId, draft.draftId), kind: 'rule-draft', status: draft.status, author: draft.author, data: draft });

/**
 * The condition a step writes under, as an expression: the draft is in status `from`, and the
 * one who acts is its author (edits, submission, withdrawal, a self-approval) or is not (any
 * other approval). This is where two racing approvals are settled and an author's own approval
 * refused, whatever the caller checked before.
 */
function conditionOf(step: DraftStep): { expression: string; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  let expression = '#status = :from';
  if (AUTHOR_ACTIONS.has(step.action) || (step.action === 'approve' && step.selfApproved === true)) expression += ' AND #author = :by';
  else if (step.action === 'approve') expression += ' AND #author <> :by';
  if (expression.includes(':by')) values[':by'] = step.by;
  return { expression, values };
}

/** Drafts in their rule set's partition (`RULE-SET#<id>` / `DRAFT#<draftId>`); every change a conditional update. */
export class DynamoRuleDraftStore implements RuleDraftStore {
  constructor(
    private readonly table: DynamoTable,
    readonly allowsSelfApproval = false,
  ) {}

  async create(draft: RuleDraft): Promise<void> {
    const item = draftItem(draft);
    this.assertFits(item);
    try {
      await this.table.doc.send(
        new PutCommand({ TableName: this.table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new DraftStateError(draft.draftId, 'exists', 'new');
      throw error;
    }
  }

  async get(ruleSetId: string, draftId: string): Promise<RuleDraft | null> {
    const item = await getItem(this.table, keys.ruleDraft(ruleSetId, draftId));
    return item ? dataOf<RuleDraft>(item, 'rule-draft') : null;
  }

  async list(ruleSetId: string): Promise<RuleDraft[]> {
    const items = await queryAll(this.table, keys.ruleDrafts(ruleSetId), { consistent: true });
    return items
      .map((item) => dataOf<RuleDraft>(item, 'rule-draft'))
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.draftId < b.draftId ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  }

  async save(ruleSetId: string, draftId: string, content: DraftContent, step: DraftStep): Promise<RuleDraft> {
    // Measured as the whole item would be, with the content replaced.
    const current = await this.get(ruleSetId, draftId);
    if (current) this.assertFits(draftItem({ ...current, ...content, steps: [...current.steps, step] }));
    return this.update(ruleSetId, draftId, 'draft', step, 'SET #data.#ruleSet = :ruleSet, #data.#cases = :cases', { '#ruleSet': 'ruleSet', '#cases': 'cases' }, {
      ':ruleSet': content.ruleSet,
      ':cases': content.cases,
    });
  }

  async transition(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, publishedVersion?: number): Promise<RuleDraft> {
    if (step.action === 'approve' && step.selfApproved === true && !this.allowsSelfApproval) throw new SelfApprovalRefusedError(draftId, step.by);
    const names: Record<string, string> = { '#dataStatus': 'status' };
    const values: Record<string, unknown> = { ':to': step.status };
    let set = '#status = :to, #data.#dataStatus = :to';
    if (publishedVersion !== undefined) {
      names['#published'] = 'publishedVersion';
      values[':version'] = publishedVersion;
      set += ', #data.#published = :version';
    }
    return this.update(ruleSetId, draftId, from, step, `SET ${set}`, names, values);
  }

  /** One conditional update that also appends the step; a refused condition is explained from the item as it now is. */
  private async update(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, set: string, names: Record<string, string>, values: Record<string, unknown>): Promise<RuleDraft> {
    const condition = conditionOf(step);
    try {
      const out = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.ruleDraft(ruleSetId, draftId),
          UpdateExpression: `${set}, #data.#steps = list_append(#data.#steps, :step), #data.#updatedAt = :at`,
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: { ...names, '#status': 'status', '#data': 'data', '#steps': 'steps', '#updatedAt': 'updatedAt', ...(condition.expression.includes('#author') ? { '#author': 'author' } : {}) },
          ExpressionAttributeValues: { ...values, ...condition.values, ':from': from, ':step': [step], ':at': step.at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return dataOf<RuleDraft>(out.Attributes as Item, 'rule-draft');
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(ruleSetId, draftId);
      if (!current) throw new DraftNotFoundError(ruleSetId, draftId);
      throw refusalOf(current, from, step, this.allowsSelfApproval) ?? new DraftStateError(draftId, current.status, from);
    }
  }

  private assertFits(item: Item): void {
    const tooBig = sizeProblem(estimateItemSize(item), 'stored version');
    if (tooBig) throw new RuleSetLimitError(tooBig);
  }
}
