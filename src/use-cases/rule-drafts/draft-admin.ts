import { z } from 'zod';
import { assertWithinLimits } from '../../engine/rule-set-limits.js';
import { QuarterSchema } from '../../kernel/quarter.js';
import type { Stores } from '../../ports/stores.js';
import { authorOf, gateSetting } from '../rule-publishing/rule-set-admin.js';
import { createDraft } from './create-draft.js';
import { approveDraft, confirmDraftCases, loadDraft, rejectDraft, runDraftCarriedCases, saveDraft, submitDraft, withdrawDraft } from './draft-lifecycle.js';
import type { DraftActor } from './draft-setting.js';
import { lifecycleHistory } from './draft-history.js';

// The draft lifecycle as the API offers it: the request bodies, and one function per route that
// the handler calls with the signing principal. The author and approver are always the caller.

const Note = z.string().max(2_000).optional();
const Json = z.record(z.string(), z.unknown());

/** `POST /rule-sets/{ruleSetId}/drafts`: a new draft from the version in force, another draft, or (a rollback) an earlier version. */
export const CreateDraftRequestSchema = z
  .strictObject({ fromDraft: z.string().min(1).optional(), rollbackTo: z.number().int().positive().optional(), note: Note })
  .refine((r) => r.fromDraft === undefined || r.rollbackTo === undefined, { error: 'give fromDraft or rollbackTo, not both' });

/** `POST …/drafts/{draftId}/saves`: the draft's content and cases, replaced whole. */
export const SaveDraftRequestSchema = z.strictObject({ ruleSet: Json, cases: Json.nullable(), note: Note });

/** `POST …/drafts/{draftId}/case-runs`: the cases against the stored draft, or against content not saved yet. */
export const CaseRunRequestSchema = z.strictObject({ ruleSet: Json.optional(), cases: Json.optional() });

/** `POST …/drafts/{draftId}/case-confirmations`: the named cases (or every failing one) take the draft's result as their expectation. */
export const ConfirmCasesRequestSchema = z
  .strictObject({ names: z.array(z.string().min(1)).min(1).optional(), all: z.literal(true).optional() })
  .refine((r) => (r.names === undefined) !== (r.all === undefined), { error: 'give names or all: true' });

/** Submission, approval and withdrawal: a note, and the preview's quarter (by default the latest run's). */
export const DraftStepRequestSchema = z.strictObject({ note: Note, quarter: QuarterSchema.optional() });

/** Rejection: the reason is required. */
export const RejectDraftRequestSchema = z.strictObject({ note: z.string().regex(/\S/, { error: 'a rejection says why' }).max(2_000) });

export interface DraftPath {
  readonly ruleSetId: string;
  readonly draftId: string;
}

/** The actor of an API call: the signing principal, the gate told what the store holds. */
function actorOf(stores: Stores, caller: string | null, now: Date, quarter?: string): DraftActor {
  return { stores, by: authorOf(caller), now, settingFor: (document) => gateSetting(stores, document, [], quarter) };
}

export async function listDrafts(stores: Stores, ruleSetId: string) {
  return { ruleSetId, drafts: await stores.drafts.list(ruleSetId) };
}

export async function getDraft(stores: Stores, path: DraftPath) {
  return loadDraft({ stores }, path.ruleSetId, path.draftId);
}

export async function createDraftByCaller(stores: Stores, ruleSetId: string, body: z.output<typeof CreateDraftRequestSchema>, caller: string | null, now: Date) {
  return createDraft(actorOf(stores, caller, now), { ruleSetId, fromDraft: body.fromDraft, rollbackTo: body.rollbackTo, note: body.note });
}

export async function saveDraftByCaller(stores: Stores, path: DraftPath, body: z.output<typeof SaveDraftRequestSchema>, caller: string | null, now: Date) {
  return saveDraft(actorOf(stores, caller, now), path.ruleSetId, path.draftId, { ruleSet: body.ruleSet, cases: body.cases }, body.note);
}

export async function runDraftCases(stores: Stores, path: DraftPath, body: z.output<typeof CaseRunRequestSchema>, caller: string | null, now: Date) {
  if (body.ruleSet) assertWithinLimits(body.ruleSet, 'rule set');
  if (body.cases) assertWithinLimits(body.cases, 'cases');
  return runDraftCarriedCases(actorOf(stores, caller, now), path.ruleSetId, path.draftId, { ...(body.ruleSet ? { ruleSet: body.ruleSet } : {}), ...(body.cases ? { cases: body.cases } : {}) });
}

export async function confirmDraftCasesByCaller(stores: Stores, path: DraftPath, body: z.output<typeof ConfirmCasesRequestSchema>, caller: string | null, now: Date) {
  return confirmDraftCases(actorOf(stores, caller, now), path.ruleSetId, path.draftId, body.names ?? null);
}

export async function submitDraftByCaller(stores: Stores, path: DraftPath, body: z.output<typeof DraftStepRequestSchema>, caller: string | null, now: Date) {
  return submitDraft(actorOf(stores, caller, now, body.quarter), path.ruleSetId, path.draftId, body.note);
}

export async function approveDraftByCaller(stores: Stores, path: DraftPath, body: z.output<typeof DraftStepRequestSchema>, caller: string | null, now: Date) {
  return approveDraft(actorOf(stores, caller, now, body.quarter), path.ruleSetId, path.draftId, body.note);
}

export async function rejectDraftByCaller(stores: Stores, path: DraftPath, body: z.output<typeof RejectDraftRequestSchema>, caller: string | null, now: Date) {
  return rejectDraft(actorOf(stores, caller, now), path.ruleSetId, path.draftId, body.note);
}

export async function withdrawDraftByCaller(stores: Stores, path: DraftPath, body: z.output<typeof DraftStepRequestSchema>, caller: string | null, now: Date) {
  return withdrawDraft(actorOf(stores, caller, now), path.ruleSetId, path.draftId, body.note);
}

export async function ruleSetLifecycleHistory(stores: Stores, ruleSetId: string) {
  return lifecycleHistory(stores, ruleSetId);
}
