import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RuleSetLimitError, sizeProblem } from '../../engine/rule-set-limits.js';
import type { DraftContent, DraftStatus, DraftStep, RuleDraft, RuleDraftStore } from '../../ports/rule-draft-store.js';
import { AUTHOR_ACTIONS, DraftNotFoundError, DraftReportMissingError, DraftStateError, refusalOf, SelfApprovalRefusedError } from '../../use-cases/rule-drafts/draft-errors.js';
import { cutReport, joinReport, storedStep, wholeStep, type StepReportRef, type StoredDraftStep } from '../../use-cases/rule-drafts/stored-step.js';
import type { GateReport } from '../../use-cases/rule-publishing/gate-report.js';
import { batchWrite } from './batch-write.js';
import { getItem, type DynamoTable } from './dynamo-table.js';
import { estimateItemSize } from './item-size.js';
import { keys } from './keys.js';
import { dataOf, type Item, type ItemKind } from './mappers.js';
import { queryAll } from './query-all.js';

/** A report's chunk holds at most this many bytes of its JSON: well under DynamoDB's 400 KB item, keys and attribute names included. */
export const REPORT_CHUNK_BYTES = 300_000;

/** A draft as its item holds it: each step's report replaced by its summary and a reference to its chunks. */
type StoredDraft = Omit<RuleDraft, 'steps'> & { readonly steps: readonly StoredDraftStep[] };

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** The item of a draft: the draft under `data` (its steps' reports kept beside it), its status and author beside the keys for the conditions. */
const draftItem = (draft: StoredDraft): Item => ({ ...keys.ruleDraft(draft.ruleSetId, draft.draftId), kind: 'rule-draft', status: draft.status, author: draft.author, data: draft });

/** The chunk items of one step's report, numbered from 0. */
function reportItems(ruleSetId: string, draftId: string, reportKey: string, report: GateReport): Item[] {
  const kind: ItemKind = 'rule-draft-report';
  return cutReport(report, REPORT_CHUNK_BYTES).map((text, index) => ({ ...keys.ruleDraftReport(ruleSetId, draftId, reportKey, index), kind, draftId, reportKey, index, text }));
}

/**
 * The draft of an item with its steps' reports joined back from the chunk items found with it.
 * A chunk missing is an error, never a short report; chunks no step refers to (left by a
 * refused or interrupted step) are ignored.
 */
function draftFrom(item: Item, chunks: readonly Item[]): RuleDraft {
  const stored = dataOf<StoredDraft>(item, 'rule-draft');
  const reportOf = (ref: StepReportRef): GateReport => {
    const own = chunks.filter((c) => c.draftId === stored.draftId && c.reportKey === ref.key).sort((a, b) => Number(a.index) - Number(b.index));
    if (own.length !== ref.chunks || own.some((c, i) => c.index !== i)) {
      throw new DraftReportMissingError(stored.draftId, ref.key, own.length, ref.chunks);
    }
    return joinReport(own.map((c) => String(c.text)));
  };
  return { ...stored, steps: stored.steps.map((step) => wholeStep(step, reportOf)) };
}

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
    const steps: StoredDraftStep[] = [];
    for (const step of draft.steps) steps.push(await this.writeReport(draft.ruleSetId, draft.draftId, step));
    const item = draftItem({ ...draft, steps });
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
    // The draft's item and its reports' chunks in one Query: their keys share the draft's prefix.
    const { sk } = keys.ruleDraft(ruleSetId, draftId);
    const items = (await queryAll(this.table, keys.ruleDraftWithReports(ruleSetId, draftId), { consistent: true })).filter((i) => i.sk === sk || String(i.sk).startsWith(`${sk}#`));
    const item = items.find((i) => i.sk === sk);
    return item ? draftFrom(item, items) : null;
  }

  async list(ruleSetId: string): Promise<RuleDraft[]> {
    const items = await queryAll(this.table, keys.ruleDrafts(ruleSetId), { consistent: true });
    const chunks = items.filter((item) => item.kind === 'rule-draft-report');
    return items
      .filter((item) => item.kind !== 'rule-draft-report')
      .map((item) => draftFrom(item, chunks))
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.draftId < b.draftId ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  }

  async save(ruleSetId: string, draftId: string, content: DraftContent, step: DraftStep): Promise<RuleDraft> {
    // Measured as the whole item would be, with the content replaced (the steps' reports are not in it).
    const current = await getItem(this.table, keys.ruleDraft(ruleSetId, draftId));
    if (current) {
      const stored = dataOf<StoredDraft>(current, 'rule-draft');
      this.assertFits(draftItem({ ...stored, ...content, steps: [...stored.steps, storedStep(step, step.report ? { key: 'measure', chunks: 1 } : null)] }));
    }
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

  /**
   * Writes the step's report, if it has one, as chunk items beside the draft, under a key of its
   * own; returns the step to keep in the draft. Written before the step, so a step never refers
   * to a report that is not there.
   */
  private async writeReport(ruleSetId: string, draftId: string, step: DraftStep): Promise<StoredDraftStep> {
    if (!step.report) return step;
    const items = reportItems(ruleSetId, draftId, `${step.action}-${randomUUID()}`, step.report);
    await batchWrite(this.table, items.map((put) => ({ put })));
    return storedStep(step, { key: String(items[0]!.reportKey), chunks: items.length });
  }

  /**
   * One conditional update that also appends the step, its report written first; a refused
   * condition is explained from the item as it now is, and the refused step's report removed.
   */
  private async update(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, set: string, names: Record<string, string>, values: Record<string, unknown>): Promise<RuleDraft> {
    const condition = conditionOf(step);
    const kept = await this.writeReport(ruleSetId, draftId, step);
    try {
      const out = await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.ruleDraft(ruleSetId, draftId),
          UpdateExpression: `${set}, #data.#steps = list_append(#data.#steps, :step), #data.#updatedAt = :at`,
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: { ...names, '#status': 'status', '#data': 'data', '#steps': 'steps', '#updatedAt': 'updatedAt', ...(condition.expression.includes('#author') ? { '#author': 'author' } : {}) },
          ExpressionAttributeValues: { ...values, ...condition.values, ':from': from, ':step': [kept], ':at': step.at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const { sk } = keys.ruleDraft(ruleSetId, draftId);
      const chunks = await queryAll(this.table, { ...keys.ruleDraftWithReports(ruleSetId, draftId), skPrefix: `${sk}#REPORT#` }, { consistent: true });
      return draftFrom(out.Attributes as Item, chunks);
    } catch (error) {
      // Any other fault leaves it unknown whether the step was taken, so its report stays.
      if (!isConditionFailure(error)) throw error;
      if (kept.reportRef) await this.removeReport(ruleSetId, draftId, kept.reportRef);
      const current = await this.get(ruleSetId, draftId);
      if (!current) throw new DraftNotFoundError(ruleSetId, draftId);
      throw refusalOf(current, from, step, this.allowsSelfApproval) ?? new DraftStateError(draftId, current.status, from);
    }
  }

  private async removeReport(ruleSetId: string, draftId: string, ref: StepReportRef): Promise<void> {
    await batchWrite(this.table, Array.from({ length: ref.chunks }, (_, index) => ({ delete: keys.ruleDraftReport(ruleSetId, draftId, ref.key, index) })));
  }

  private assertFits(item: Item): void {
    const tooBig = sizeProblem(estimateItemSize(item), 'stored version');
    if (tooBig) throw new RuleSetLimitError(tooBig);
  }
}
