import { z } from 'zod';
import { assertWithinLimits } from '../../engine/rule-set-limits.js';
import { QuarterSchema } from '../../kernel/quarter-schema.js';
import type { Stores } from '../../ports/stores.js';
import { authorOf, gateSetting } from '../rule-publishing/rule-set-admin.js';
import { createDraft } from './create-draft.js';
import { DraftNotFoundError } from './draft-errors.js';
import { approveDraft, confirmDraftCases, rejectDraft, runDraftCarriedCases, saveDraft, submitDraft, withdrawDraft, type DraftGateOutcome } from './draft-lifecycle.js';
import type { DraftActor } from './draft-setting.js';
import { lifecycleHistory } from './draft-history.js';
import { MAX_REPORT_PAGE, readReportPage } from './report-pages.js';
import { reportSummary } from './stored-step.js';

// The draft lifecycle as the API offers it: the request bodies, and one function per route that
// the handler calls with the signing principal. The author and approver are always the caller.
// Every answer gives the draft as GET gives it, each report as its summary and reference: a
// province's report lists tens of thousands of changes, more than a Lambda answer may carry,
// so its changes are read in pages (`readReportPage`). A step's answer is the overview the
// store gave back with the step: the draft is not read again, and no report is read at all.

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

/** One draft, each step's report as its summary and reference (its changes are read in pages, `readReportPage`). */
export async function getDraft(stores: Stores, path: DraftPath) {
  const draft = await stores.drafts.overview(path.ruleSetId, path.draftId);
  if (!draft) throw new DraftNotFoundError(path.ruleSetId, path.draftId);
  return draft;
}

/** `GET …/drafts/{draftId}/reports/{reportKey}`: the query string, strings on the wire. */
export const ReportPageQuerySchema = z.strictObject({
  offset: z.string().regex(/^\d{1,9}$/, { error: 'expected a whole number' }).transform(Number).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { error: `expected a whole number up to ${MAX_REPORT_PAGE}` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_REPORT_PAGE, { error: `expected 1 to ${MAX_REPORT_PAGE}` })
    .optional(),
});

export async function getDraftReportPage(stores: Stores, path: DraftPath & { reportKey: string }, query: z.output<typeof ReportPageQuerySchema>) {
  return readReportPage(stores, path, query.offset ?? 0, query.limit ?? MAX_REPORT_PAGE);
}

/** A gate's outcome as the API answers it: the draft after the step (its overview), and the report's summary (its problems and totals). */
const answeredOutcome = (outcome: DraftGateOutcome) => ({ ...outcome, report: reportSummary(outcome.report) });

export async function createDraftByCaller(stores: Stores, ruleSetId: string, body: z.output<typeof CreateDraftRequestSchema>, caller: string | null, now: Date) {
  const created = await createDraft(actorOf(stores, caller, now), { ruleSetId, fromDraft: body.fromDraft, rollbackTo: body.rollbackTo, note: body.note });
  return getDraft(stores, { ruleSetId, draftId: created.draftId });
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
  return answeredOutcome(await submitDraft(actorOf(stores, caller, now, body.quarter), path.ruleSetId, path.draftId, body.note));
}

export async function approveDraftByCaller(stores: Stores, path: DraftPath, body: z.output<typeof DraftStepRequestSchema>, caller: string | null, now: Date) {
  return answeredOutcome(await approveDraft(actorOf(stores, caller, now, body.quarter), path.ruleSetId, path.draftId, body.note));
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
