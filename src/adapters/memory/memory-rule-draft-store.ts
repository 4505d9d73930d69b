import type { DraftContent, DraftStatus, DraftStep, RuleDraft, RuleDraftStore } from '../../ports/rule-draft-store.js';
import { DraftNotFoundError, DraftStateError, NotDraftAuthorError, SelfApprovalRefusedError } from '../../use-cases/rule-drafts/draft-errors.js';

/** The author-only steps: a draft is edited, submitted and withdrawn by the one who wrote it. */
export const AUTHOR_ACTIONS: ReadonlySet<DraftStep['action']> = new Set(['save', 'confirm-cases', 'submit', 'withdraw']);

/**
 * Why a step may not be applied to a draft, checked in the order the DynamoDB store's condition
 * is explained: the status first, then who acts. Shared by both stores so they refuse alike.
 */
export function refusalOf(draft: RuleDraft, from: DraftStatus, step: DraftStep, allowsSelfApproval: boolean): Error | null {
  if (draft.status !== from) return new DraftStateError(draft.draftId, draft.status, from);
  if (AUTHOR_ACTIONS.has(step.action) && step.by !== draft.author) return new NotDraftAuthorError(draft.draftId, step.by);
  if (step.action === 'approve') {
    const own = step.by === draft.author;
    if (own && !(allowsSelfApproval && step.selfApproved === true)) return new SelfApprovalRefusedError(draft.draftId, step.by);
    if (!own && step.selfApproved === true) return new DraftStateError(draft.draftId, draft.status, 'approved by its author to be marked self-approved');
  }
  return null;
}

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
