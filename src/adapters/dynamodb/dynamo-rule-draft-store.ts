import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RuleSetLimitError, sizeProblem } from '../../engine/rule-set-limits.js';
import type { DraftContent, DraftOverview, DraftStatus, DraftStep, RuleDraft, RuleDraftStore } from '../../ports/rule-draft-store.js';
import { AUTHOR_ACTIONS, DraftNotFoundError, DraftReportMissingError, DraftStateError, refusalOf, SelfApprovalRefusedError } from '../../use-cases/rule-drafts/draft-errors.js';
import { cutReport, joinReport, overviewStep, storedStep, wholeStep, type StepReportRef, type StoredDraftStep } from '../../use-cases/rule-drafts/stored-step.js';
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

/** The draft as lists give it, from its item alone: each step's report as its summary. */
function overviewFrom(item: Item): DraftOverview {
  const stored = dataOf<StoredDraft>(item, 'rule-draft');
  return { ...stored, steps: stored.steps.map(overviewStep) };
}

/** The report from its chunks (one report's, in any order): a chunk missing is an error, never a short report. */
function joinedReport(draftId: string, ref: StepReportRef, chunks: readonly Item[]): GateReport {
  const own = [...chunks].sort((a, b) => Number(a.index) - Number(b.index));
  if (own.length !== ref.chunks || own.some((c, i) => c.index !== i)) throw new DraftReportMissingError(draftId, ref.key, own.length, ref.chunks);
  return joinReport(own.map((c) => String(c.text)));
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
    const item = await getItem(this.table, keys.ruleDraft(ruleSetId, draftId));
    return item ? this.whole(item) : null;
  }

  async list(ruleSetId: string): Promise<DraftOverview[]> {
    // The chunks sort under `DRAFT-REPORT#`, outside this prefix: the Query reads the drafts' items
    // alone (and only the chunks of reports written before they moved, which are dropped here).
    const items = await queryAll(this.table, keys.ruleDrafts(ruleSetId), { consistent: true });
    return items
      .filter((item) => item.kind === 'rule-draft')
      .map(overviewFrom)
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.draftId < b.draftId ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  }

  async overview(ruleSetId: string, draftId: string): Promise<DraftOverview | null> {
    const item = await getItem(this.table, keys.ruleDraft(ruleSetId, draftId));
    return item ? overviewFrom(item) : null;
  }

  async report(ruleSetId: string, draftId: string, reportKey: string): Promise<GateReport | null> {
    const item = await getItem(this.table, keys.ruleDraft(ruleSetId, draftId));
    const ref = item ? dataOf<StoredDraft>(item, 'rule-draft').steps.find((step) => step.reportRef?.key === reportKey)?.reportRef : undefined;
    return ref ? this.reportOf(ruleSetId, draftId, ref) : null;
  }

  async save(ruleSetId: string, draftId: string, content: DraftContent, step: DraftStep): Promise<DraftOverview> {
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

  async transition(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, publishedVersion?: number): Promise<DraftOverview> {
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
   * The answer is the overview of the item as the update wrote it (`ALL_NEW` comes with the
   * write): a province's reports run to megabytes, and the step's caller wants their summaries.
   */
  private async update(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, set: string, names: Record<string, string>, values: Record<string, unknown>): Promise<DraftOverview> {
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
      return overviewFrom(out.Attributes as Item);
    } catch (error) {
      // Any other fault leaves it unknown whether the step was taken, so its report stays.
      if (!isConditionFailure(error)) throw error;
      if (kept.reportRef) await this.removeReport(ruleSetId, draftId, kept.reportRef);
      // The refusal is told from the draft's status and author: its reports are not read.
      const current = await this.overview(ruleSetId, draftId);
      if (!current) throw new DraftNotFoundError(ruleSetId, draftId);
      throw refusalOf(current, from, step, this.allowsSelfApproval) ?? new DraftStateError(draftId, current.status, from);
    }
  }

  /** The draft with every step's whole report: the chunks of all its reports in one Query. */
  private async whole(item: Item): Promise<RuleDraft> {
    const stored = dataOf<StoredDraft>(item, 'rule-draft');
    const refs = stored.steps.flatMap((step) => (step.reportRef ? [step.reportRef] : []));
    const chunks = refs.length === 0 ? [] : await queryAll(this.table, keys.ruleDraftReports(stored.ruleSetId, stored.draftId), { consistent: true });
    const reports = new Map<string, GateReport>();
    for (const ref of refs) {
      reports.set(ref.key, await this.reportOf(stored.ruleSetId, stored.draftId, ref, chunks.filter((c) => c.reportKey === ref.key)));
    }
    return { ...stored, steps: stored.steps.map((step) => wholeStep(step, (ref) => reports.get(ref.key)!)) };
  }

  /**
   * One step's report from its chunks (`found`, or read with one Query of that report's keys);
   * none under `DRAFT-REPORT#` means a report written before the chunks moved, read where it was.
   * Chunks no step refers to (left by a refused or interrupted step) are never read.
   */
  private async reportOf(ruleSetId: string, draftId: string, ref: StepReportRef, found?: readonly Item[]): Promise<GateReport> {
    let chunks = found ?? (await queryAll(this.table, keys.ruleDraftReportChunks(ruleSetId, draftId, ref.key), { consistent: true }));
    if (chunks.length === 0) chunks = await queryAll(this.table, keys.ruleDraftReportChunks(ruleSetId, draftId, ref.key, true), { consistent: true });
    return joinedReport(draftId, ref, chunks);
  }

  private async removeReport(ruleSetId: string, draftId: string, ref: StepReportRef): Promise<void> {
    await batchWrite(this.table, Array.from({ length: ref.chunks }, (_, index) => ({ delete: keys.ruleDraftReport(ruleSetId, draftId, ref.key, index) })));
  }

  private assertFits(item: Item): void {
    const tooBig = sizeProblem(estimateItemSize(item), 'stored version');
    if (tooBig) throw new RuleSetLimitError(tooBig);
  }
}
