import { RuleSetNotFoundError } from '../../engine/errors.js';
import type { GateReport } from '../rule-publishing/gate-report.js';
import { contentOf, gateRefusal, type PublishOutcome } from '../rule-publishing/publish-rule-set.js';
import { casesOf, type PublishedRuleSetWithCases } from '../rule-publishing/published-entry.js';
import { relabel, rollbackDraft } from '../rule-publishing/rollback-rule-set.js';
import { runPublishGate } from '../rule-publishing/run-publish-gate.js';
import { createDraft } from './create-draft.js';
import { OneStepPublishRefusedError } from './draft-errors.js';
import { approveDraft, EVERY_CHANGE, saveDraft } from './draft-lifecycle.js';
import type { DraftActor } from './draft-setting.js';

/** A one-step publication: the document and its cases (publish), or an earlier version's content (rollback). */
export type OneStepRequest =
  | { readonly kind: 'publish'; readonly document: unknown; readonly cases: unknown; readonly note: string; readonly acceptImpact: boolean }
  | { readonly kind: 'rollback'; readonly ruleSetId: string; readonly to: number; readonly cases?: unknown; readonly note: string; readonly acceptImpact: boolean };

const refusedEarly = (message: string): PublishOutcome => {
  const report: GateReport = { ruleSetId: null, version: null, ok: false, steps: [], preview: null };
  return { status: 'refused', reason: 'provenance', message, report };
};

/** What a one-step request publishes: the document, or version `to`'s content as the next version, with its cases. */
async function documentOf(actor: DraftActor, request: OneStepRequest): Promise<{ ruleSetId: string; document: unknown; cases: unknown }> {
  if (request.kind === 'publish') {
    const id = (request.document as { id?: unknown } | null)?.id;
    return { ruleSetId: typeof id === 'string' ? id : '?', document: request.document, cases: request.cases };
  }
  const entries = await actor.stores.ruleSets.listVersions(request.ruleSetId);
  if (entries.length === 0) throw new RuleSetNotFoundError(request.ruleSetId, 'no version is published');
  const document = rollbackDraft(entries.map((e) => e.ruleSet), request.to, request.note);
  const target = entries.find((e) => e.ruleSet.version === request.to)!;
  return { ruleSetId: request.ruleSetId, document, cases: relabel(request.cases ?? casesOf(target), request.ruleSetId, request.to, document.version) };
}

/**
 * The old one-step `publish` and `rollback`, kept as what self-approval is: where the deployment
 * allows one officer to publish alone, the gate runs as it always did (a failing step, or a
 * change of outcomes without `acceptImpact`, refuses with nothing stored); what passes becomes a
 * draft by that officer, submitted with the gate's report and approved by the same officer —
 * the gate running again, as every approval runs it — and is recorded as self-approved.
 * Elsewhere it is refused, naming the steps (draft, submit, approve) that replace it.
 */
export async function publishInOneStep(actor: DraftActor, request: OneStepRequest): Promise<PublishOutcome> {
  const { ruleSetId, document, cases } = await documentOf(actor, request);
  if (!actor.stores.drafts.allowsSelfApproval) throw new OneStepPublishRefusedError(ruleSetId);
  if (actor.by.trim() === '' || request.note.trim() === '') return refusedEarly('a published version records its author and a note: both are required');
  const setting = await actor.settingFor(document);
  // Its report is stored as the submission's: every change, as a submission keeps it.
  const gate = await runPublishGate(actor.stores, { document, cases, ...setting, requireNextVersion: true, runCases: true, runPreview: true, examplesPerCounty: EVERY_CHANGE });
  const refused = gateRefusal(gate.report, gate.ruleSet !== null, request.acceptImpact);
  if (refused || !gate.ruleSet) return refused!;

  const draft = await createDraft(actor, request.kind === 'rollback' ? { ruleSetId, rollbackTo: request.to, note: request.note } : { ruleSetId, note: request.note });
  await saveDraft(actor, ruleSetId, draft.draftId, { ruleSet: contentOf(gate.ruleSet) as Record<string, unknown>, cases: (gate.cases as Record<string, unknown> | null) ?? null });
  const submit = { action: 'submit', by: actor.by, at: actor.now.toISOString(), note: request.note, status: 'submitted', report: gate.report } as const;
  await actor.stores.drafts.transition(ruleSetId, draft.draftId, 'draft', submit);
  const approved = await approveDraft(actor, ruleSetId, draft.draftId, request.note);
  if (approved.status === 'refused') return { status: 'refused', reason: 'invalid', message: approved.message, report: approved.report };
  const entry = (await actor.stores.ruleSets.getVersion(ruleSetId, approved.draft.publishedVersion!)) as PublishedRuleSetWithCases;
  return { status: 'published', entry, report: approved.report };
}
