import { assertWithinLimits } from '../../engine/rule-set-limits.js';
import { STANDARD_IDS } from '../../standards/standard-ids.js';
import type { DraftContent, DraftOverview, DraftStatus, DraftStep, RuleDraft } from '../../ports/rule-draft-store.js';
import type { GateReport } from '../rule-publishing/gate-report.js';
import { contentOf, gateRefusal } from '../rule-publishing/publish-rule-set.js';
import { publishEntry, type PublishedRuleSetWithCases } from '../rule-publishing/published-entry.js';
import { runPublishGate, type GateOutcome } from '../rule-publishing/run-publish-gate.js';
import { confirmCases, runCarriedCases, type CarriedCasesRun } from './carried-cases.js';
import { DraftNoteRequiredError, DraftNotFoundError, DraftStateError, NotDraftAuthorError, SelfApprovalRefusedError } from './draft-errors.js';
import type { DraftActor } from './draft-setting.js';

/**
 * What a submission or approval came to: done, or refused by the gate with its report (the draft
 * unchanged). The draft is its overview (each step's report as its summary and reference); the
 * report is this step's gate report, whole, as it was computed.
 */
export type DraftGateOutcome =
  | { readonly status: 'submitted' | 'approved'; readonly draft: DraftOverview; readonly report: GateReport }
  | { readonly status: 'refused'; readonly message: string; readonly draft: DraftOverview; readonly report: GateReport };

/** The draft with every step's whole report, or `DraftNotFoundError`: for a reader who shows the reports whole. */
export async function loadDraft(actor: Pick<DraftActor, 'stores'>, ruleSetId: string, draftId: string): Promise<RuleDraft> {
  const draft = await actor.stores.drafts.get(ruleSetId, draftId);
  if (!draft) throw new DraftNotFoundError(ruleSetId, draftId);
  return draft;
}

/**
 * The draft with each step's report as its summary, or `DraftNotFoundError`. The steps read the
 * draft this way: they need its status, author, content and cases, never an earlier step's
 * report (a province's submission report runs to megabytes).
 */
export async function loadOverview(actor: Pick<DraftActor, 'stores'>, ruleSetId: string, draftId: string): Promise<DraftOverview> {
  const draft = await actor.stores.drafts.overview(ruleSetId, draftId);
  if (!draft) throw new DraftNotFoundError(ruleSetId, draftId);
  return draft;
}

const stepOf = (actor: DraftActor, action: DraftStep['action'], status: DraftStatus, note: string, extra: Partial<DraftStep> = {}): DraftStep => ({
  action,
  by: actor.by,
  at: actor.now.toISOString(),
  note,
  status,
  ...extra,
});

/** Replaces the draft's content and cases (its author, while it is a draft). */
export async function saveDraft(actor: DraftActor, ruleSetId: string, draftId: string, content: DraftContent, note = ''): Promise<DraftOverview> {
  assertWithinLimits(content.ruleSet, 'rule set');
  if (content.cases !== null) assertWithinLimits(content.cases, 'cases');
  return actor.stores.drafts.save(ruleSetId, draftId, content, stepOf(actor, 'save', 'draft', note));
}

async function published(actor: DraftActor) {
  return (await Promise.all(STANDARD_IDS.map((id) => actor.stores.ruleSets.listVersions(id)))).flat().map((entry) => entry.ruleSet);
}

/**
 * The draft's cases judged by the version in force and by the draft, side by side. `content`
 * runs unsaved content (the console re-runs as the officer types); by default the stored draft.
 */
export async function runDraftCarriedCases(actor: DraftActor, ruleSetId: string, draftId: string, content?: Partial<DraftContent>): Promise<CarriedCasesRun> {
  const draft = await loadOverview(actor, ruleSetId, draftId);
  const ruleSet = content?.ruleSet ?? draft.ruleSet;
  const setting = await actor.settingFor(ruleSet);
  return (await runCarriedCases({ ruleSet, cases: content?.cases ?? draft.cases, published: await published(actor), reviewed: setting.reviewed, evaluator: setting.evaluator })).run;
}

/**
 * Takes what the draft gives as the expectation of the named cases (all the failing ones when
 * `names` is null) and saves the cases: raising a line is a matter of confirmations, not of
 * writing JSON. Returns the draft as saved and the names confirmed.
 */
export async function confirmDraftCases(actor: DraftActor, ruleSetId: string, draftId: string, names: readonly string[] | null): Promise<{ draft: DraftOverview; confirmed: string[] }> {
  const draft = await loadOverview(actor, ruleSetId, draftId);
  if (draft.status !== 'draft') throw new DraftStateError(draftId, draft.status, 'draft');
  if (draft.author !== actor.by) throw new NotDraftAuthorError(draftId, actor.by);
  const setting = await actor.settingFor(draft.ruleSet);
  const { run, verdicts } = await runCarriedCases({ ruleSet: draft.ruleSet, cases: draft.cases, published: await published(actor), reviewed: setting.reviewed, evaluator: setting.evaluator });
  const { cases, confirmed } = confirmCases(draft.cases ?? {}, run, names, verdicts);
  const note = confirmed.length === 0 ? 'no case to confirm' : `confirmed: ${confirmed.join(', ')}`;
  const saved = await actor.stores.drafts.save(ruleSetId, draftId, { ruleSet: draft.ruleSet, cases }, stepOf(actor, 'confirm-cases', 'draft', note));
  return { draft: saved, confirmed };
}

/** A submission's and an approval's impact lists every change: it is the report stored with the step. */
export const EVERY_CHANGE = Number.POSITIVE_INFINITY;

/**
 * The whole gate on the draft, as publishing runs it, on the store's population as it is now.
 * Its impact lists every change, not a few per county: it is stored with the step as the
 * report the approver reads and the history keeps.
 */
async function gateOn(actor: DraftActor, draft: DraftContent): Promise<GateOutcome> {
  const setting = await actor.settingFor(draft.ruleSet);
  return runPublishGate(actor.stores, {
    document: draft.ruleSet,
    cases: draft.cases,
    ...setting,
    requireNextVersion: true,
    runCases: true,
    runPreview: true,
    examplesPerCounty: EVERY_CHANGE,
  });
}

/**
 * Submits the draft for approval (its author): the gate must pass, and its report — the impact
 * preview with it — is stored with the step, as the approver will first see it.
 */
export async function submitDraft(actor: DraftActor, ruleSetId: string, draftId: string, note = ''): Promise<DraftGateOutcome> {
  const draft = await loadOverview(actor, ruleSetId, draftId);
  if (draft.status !== 'draft') throw new DraftStateError(draftId, draft.status, 'draft');
  if (draft.author !== actor.by) throw new NotDraftAuthorError(draftId, actor.by);
  const gate = await gateOn(actor, draft);
  const refused = gateRefusal(gate.report, gate.ruleSet !== null, true);
  if (refused) return { status: 'refused', message: refused.message, draft, report: gate.report };
  const submitted = await actor.stores.drafts.transition(ruleSetId, draftId, 'draft', stepOf(actor, 'submit', 'submitted', note, { report: gate.report }));
  return { status: 'submitted', draft: submitted, report: gate.report };
}

/**
 * Approves a submitted draft and publishes it. Never its author's, unless the deployment allows
 * self-approval, and then recorded as such. The full gate runs again on the population as it is
 * now (the version number too: another draft may have been published since); its report is the
 * impact as approved. The store's conditional write settles racing approvals: one publishes.
 */
export async function approveDraft(actor: DraftActor, ruleSetId: string, draftId: string, note = ''): Promise<DraftGateOutcome> {
  const draft = await loadOverview(actor, ruleSetId, draftId);
  if (draft.status !== 'submitted') throw new DraftStateError(draftId, draft.status, 'submitted');
  const selfApproved = draft.author === actor.by;
  if (selfApproved && !actor.stores.drafts.allowsSelfApproval) throw new SelfApprovalRefusedError(draftId, actor.by);
  const gate = await gateOn(actor, draft);
  const refused = gateRefusal(gate.report, gate.ruleSet !== null, true);
  if (refused || !gate.ruleSet) return { status: 'refused', message: refused!.message, draft, report: gate.report };
  const version = gate.ruleSet.version;
  const step = stepOf(actor, 'approve', 'approved', note, { report: gate.report, version, ...(selfApproved ? { selfApproved: true } : {}) });
  const approved = await actor.stores.drafts.transition(ruleSetId, draftId, 'submitted', step, version);
  const entry: PublishedRuleSetWithCases = {
    ...publishEntry(contentOf(gate.ruleSet), draft.author, note.trim() || draft.steps.find((s) => s.action === 'submit')?.note || gate.ruleSet.changeNote, actor.now),
    ...(gate.cases ? { cases: gate.cases } : {}),
    approval: { draftId, approvedBy: actor.by, approvedAt: step.at, selfApproved },
  };
  try {
    await actor.stores.ruleSets.publish(entry);
  } catch (error) {
    // Another draft took the version between the gate and the write: back to submitted, said so in its steps.
    await actor.stores.drafts.transition(ruleSetId, draftId, 'approved', stepOf(actor, 'publish-failed', 'submitted', (error as Error).message));
    throw error;
  }
  return { status: 'approved', draft: approved, report: gate.report };
}

/** Rejects a submitted draft, with the reason; the draft is closed, its author may start a new one from it. */
export async function rejectDraft(actor: DraftActor, ruleSetId: string, draftId: string, note: string): Promise<DraftOverview> {
  if (note.trim() === '') throw new DraftNoteRequiredError('rejection');
  return actor.stores.drafts.transition(ruleSetId, draftId, 'submitted', stepOf(actor, 'reject', 'rejected', note));
}

/** Withdraws a draft or a submission (its author); the draft is closed. */
export async function withdrawDraft(actor: DraftActor, ruleSetId: string, draftId: string, note = ''): Promise<DraftOverview> {
  const draft = await loadOverview(actor, ruleSetId, draftId);
  if (draft.status !== 'draft' && draft.status !== 'submitted') throw new DraftStateError(draftId, draft.status, 'draft or submitted');
  return actor.stores.drafts.transition(ruleSetId, draftId, draft.status, stepOf(actor, 'withdraw', 'withdrawn', note));
}
