import type { PublishOutcome } from '../rule-publishing/publish-rule-set.js';
import { gateRefusal } from '../rule-publishing/publish-rule-set.js';
import type { PublishedRuleSetWithCases } from '../rule-publishing/published-entry.js';
import { carriedCases, createDraft, type DraftOrigin } from './create-draft.js';
import { OneStepPublishRefusedError } from './draft-errors.js';
import { approveDraft, saveDraft, submitDraft, withdrawDraft } from './draft-lifecycle.js';
import type { DraftActor } from './draft-setting.js';

/** A one-step publication: the document and its cases (publish), or an earlier version's content (rollback). */
export type OneStepRequest =
  | { readonly kind: 'publish'; readonly document: Record<string, unknown>; readonly cases: Record<string, unknown> | null; readonly note: string; readonly acceptImpact: boolean }
  | { readonly kind: 'rollback'; readonly ruleSetId: string; readonly to: number; readonly cases?: Record<string, unknown> | undefined; readonly note: string; readonly acceptImpact: boolean };

/**
 * The old one-step `publish` and `rollback`, kept as what self-approval is: where the deployment
 * allows one officer to publish alone, a draft is created, submitted and approved by that
 * officer in one go, and recorded as self-approved. Elsewhere it is refused, naming the steps
 * (draft, submit, approve) that replace it. A draft whose gate fails, or whose impact was not
 * accepted, is refused as the one-step publication always was, and the draft made for it is
 * withdrawn with the refusal as its note, so the attempt stays in the history.
 */
export async function publishInOneStep(actor: DraftActor, request: OneStepRequest): Promise<PublishOutcome> {
  const ruleSetId = request.kind === 'publish' ? String(request.document.id) : request.ruleSetId;
  if (!actor.stores.drafts.allowsSelfApproval) throw new OneStepPublishRefusedError(ruleSetId);
  const origin: DraftOrigin = request.kind === 'rollback' ? { ruleSetId, rollbackTo: request.to, note: request.note } : { ruleSetId, note: request.note };
  let draft = await createDraft(actor, origin);
  if (request.kind === 'publish') {
    draft = await saveDraft(actor, ruleSetId, draft.draftId, { ruleSet: request.document, cases: request.cases });
  } else if (request.cases !== undefined) {
    // Cases written for version `to` travel with its content to the new version, as the draft's own.
    const written = request.cases as { ruleSetId?: unknown; version?: unknown };
    const cases = written.ruleSetId === ruleSetId && written.version === request.to ? carriedCases(request.cases, ruleSetId, Number(draft.ruleSet.version)) : request.cases;
    draft = await saveDraft(actor, ruleSetId, draft.draftId, { ruleSet: draft.ruleSet, cases });
  }
  const submitted = await submitDraft(actor, ruleSetId, draft.draftId, request.note);
  // The impact must be accepted, as the one-step publication always asked: otherwise the draft is withdrawn, saying why.
  const refused = submitted.status === 'refused' ? { status: 'refused' as const, reason: 'invalid' as const, message: submitted.message, report: submitted.report } : gateRefusal(submitted.report, true, request.acceptImpact);
  if (refused) {
    await withdrawDraft(actor, ruleSetId, draft.draftId, refused.message);
    return refused;
  }
  const approved = await approveDraft(actor, ruleSetId, draft.draftId, request.note);
  if (approved.status === 'refused') return { status: 'refused', reason: 'invalid', message: approved.message, report: approved.report };
  const entry = (await actor.stores.ruleSets.getVersion(ruleSetId, approved.draft.publishedVersion!)) as PublishedRuleSetWithCases;
  return { status: 'published', entry, report: approved.report };
}
