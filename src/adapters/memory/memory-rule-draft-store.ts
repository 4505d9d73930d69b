import type { DraftContent, DraftStatus, DraftStep, RuleDraft, RuleDraftStore } from '../../ports/rule-draft-store.js';
import { DraftNotFoundError, DraftStateError, refusalOf } from '../../use-cases/rule-drafts/draft-errors.js';

/** Drafts in a map; each change checks the status (and who acts) before it writes, as the DynamoDB store's conditions do. */
export class MemoryRuleDraftStore implements RuleDraftStore {
  private readonly drafts = new Map<string, RuleDraft>();

  constructor(readonly allowsSelfApproval = false) {}

  async create(draft: RuleDraft): Promise<void> {
    const key = `${draft.ruleSetId}#${draft.draftId}`;
    if (this.drafts.has(key)) throw new DraftStateError(draft.draftId, 'exists', 'new');
    this.drafts.set(key, structuredClone(draft));
  }

  async get(ruleSetId: string, draftId: string): Promise<RuleDraft | null> {
    const draft = this.drafts.get(`${ruleSetId}#${draftId}`);
    return draft ? structuredClone(draft) : null;
  }

  async list(ruleSetId: string): Promise<RuleDraft[]> {
    return [...this.drafts.values()]
      .filter((d) => d.ruleSetId === ruleSetId)
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.draftId < b.draftId ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
      .map((d) => structuredClone(d));
  }

  async save(ruleSetId: string, draftId: string, content: DraftContent, step: DraftStep): Promise<RuleDraft> {
    return this.change(ruleSetId, draftId, 'draft', step, (draft) => ({ ...draft, ruleSet: structuredClone(content.ruleSet), cases: structuredClone(content.cases) }));
  }

  async transition(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, publishedVersion?: number): Promise<RuleDraft> {
    return this.change(ruleSetId, draftId, from, step, (draft) => ({ ...draft, status: step.status, ...(publishedVersion === undefined ? {} : { publishedVersion }) }));
  }

  private change(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, apply: (draft: RuleDraft) => RuleDraft): RuleDraft {
    const key = `${ruleSetId}#${draftId}`;
    const draft = this.drafts.get(key);
    if (!draft) throw new DraftNotFoundError(ruleSetId, draftId);
    const refusal = refusalOf(draft, from, step, this.allowsSelfApproval);
    if (refusal) throw refusal;
    const next: RuleDraft = { ...apply(draft), updatedAt: step.at, steps: [...draft.steps, structuredClone(step)] };
    this.drafts.set(key, next);
    return structuredClone(next);
  }
}
