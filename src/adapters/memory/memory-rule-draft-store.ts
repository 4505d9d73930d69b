import type { DraftContent, DraftOverview, DraftStatus, DraftStep, RuleDraft, RuleDraftStore } from '../../ports/rule-draft-store.js';
import { DraftNotFoundError, DraftReportMissingError, DraftStateError, refusalOf } from '../../use-cases/rule-drafts/draft-errors.js';
import { overviewStep, storedStep, wholeStep, type StepReportRef, type StoredDraftStep } from '../../use-cases/rule-drafts/stored-step.js';
import type { GateReport } from '../../use-cases/rule-publishing/gate-report.js';

/** A draft as the map holds it: each step's report kept beside it, as the DynamoDB store keeps it. */
type StoredDraft = Omit<RuleDraft, 'steps'> & { readonly steps: readonly StoredDraftStep[] };

/**
 * Drafts in a map; each change checks the status (and who acts) before it writes, as the
 * DynamoDB store's conditions do. A step's report goes in a map of its own first, the step
 * keeping its summary and a reference, and a refused step's report is removed again.
 */
export class MemoryRuleDraftStore implements RuleDraftStore {
  private readonly drafts = new Map<string, StoredDraft>();
  private readonly reports = new Map<string, GateReport>();
  private written = 0;
  private reportsRead = 0;

  constructor(readonly allowsSelfApproval = false) {}

  async create(draft: RuleDraft): Promise<void> {
    const key = `${draft.ruleSetId}#${draft.draftId}`;
    if (this.drafts.has(key)) throw new DraftStateError(draft.draftId, 'exists', 'new');
    this.drafts.set(key, { ...structuredClone(draft), steps: draft.steps.map((step) => this.keep(key, step)) });
  }

  async get(ruleSetId: string, draftId: string): Promise<RuleDraft | null> {
    const key = `${ruleSetId}#${draftId}`;
    const draft = this.drafts.get(key);
    return draft ? this.whole(key, draft) : null;
  }

  async list(ruleSetId: string): Promise<DraftOverview[]> {
    return [...this.drafts.values()]
      .filter((d) => d.ruleSetId === ruleSetId)
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.draftId < b.draftId ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
      .map((d) => this.overviewOf(d));
  }

  async overview(ruleSetId: string, draftId: string): Promise<DraftOverview | null> {
    const draft = this.drafts.get(`${ruleSetId}#${draftId}`);
    return draft ? this.overviewOf(draft) : null;
  }

  async report(ruleSetId: string, draftId: string, reportKey: string): Promise<GateReport | null> {
    const key = `${ruleSetId}#${draftId}`;
    const ref = this.drafts.get(key)?.steps.find((step) => step.reportRef?.key === reportKey)?.reportRef;
    return ref ? this.reportAt(key, draftId, ref) : null;
  }

  /** How many whole reports were read, so a test sees that lists and steps read none. */
  get reportReads(): number {
    return this.reportsRead;
  }

  async save(ruleSetId: string, draftId: string, content: DraftContent, step: DraftStep): Promise<DraftOverview> {
    return this.change(ruleSetId, draftId, 'draft', step, (draft) => ({ ...draft, ruleSet: structuredClone(content.ruleSet), cases: structuredClone(content.cases) }));
  }

  async transition(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, publishedVersion?: number): Promise<DraftOverview> {
    return this.change(ruleSetId, draftId, from, step, (draft) => ({ ...draft, status: step.status, ...(publishedVersion === undefined ? {} : { publishedVersion }) }));
  }

  /** Stores the step's report under a key of its own; returns the step to keep in the draft. */
  private keep(draftKey: string, step: DraftStep): StoredDraftStep {
    if (!step.report) return structuredClone(step);
    this.written += 1;
    const ref: StepReportRef = { key: `${step.action}-${this.written}`, chunks: 1 };
    this.reports.set(`${draftKey}#${ref.key}`, structuredClone(step.report));
    return structuredClone(storedStep(step, ref));
  }

  private overviewOf(draft: StoredDraft): DraftOverview {
    return structuredClone({ ...draft, steps: draft.steps.map(overviewStep) });
  }

  /** The report a step refers to, counted as read; a reference to a report not held is a store fault. */
  private reportAt(draftKey: string, draftId: string, ref: StepReportRef): GateReport {
    this.reportsRead += 1;
    const report = this.reports.get(`${draftKey}#${ref.key}`);
    if (!report) throw new DraftReportMissingError(draftId, ref.key, 0, ref.chunks);
    return structuredClone(report);
  }

  private whole(draftKey: string, draft: StoredDraft): RuleDraft {
    return structuredClone({ ...draft, steps: draft.steps.map((step) => wholeStep(step, (ref) => this.reportAt(draftKey, draft.draftId, ref))) });
  }

  /** Applies a step under the same checks as the DynamoDB conditions; gives the draft's overview, reading no report. */
  private change(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, apply: (draft: StoredDraft) => StoredDraft): DraftOverview {
    const key = `${ruleSetId}#${draftId}`;
    const draft = this.drafts.get(key);
    if (!draft) throw new DraftNotFoundError(ruleSetId, draftId);
    const kept = this.keep(key, step);
    const refusal = refusalOf(draft, from, step, this.allowsSelfApproval);
    if (refusal) {
      if (kept.reportRef) this.reports.delete(`${key}#${kept.reportRef.key}`);
      throw refusal;
    }
    const next: StoredDraft = { ...apply(draft), updatedAt: step.at, steps: [...draft.steps, kept] };
    this.drafts.set(key, next);
    return this.overviewOf(next);
  }
}
