import type { StepReportRef, StepReportSummary } from '../use-cases/rule-drafts/stored-step.js';
import type { GateReport } from '../use-cases/rule-publishing/gate-report.js';

/**
 * Where a draft of a rule set stands. `draft` is the author's to edit; `submitted` waits for an
 * approver; `approved` is published (as `publishedVersion`); `rejected` and `withdrawn` are
 * final: a rejected draft is never edited again, its author starts a new draft from it.
 */
export type DraftStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** What a step of a draft's life did. */
/** `publish-failed` takes an approved draft back to submitted when its version was taken before it was written. */
export type DraftAction = 'create' | 'save' | 'confirm-cases' | 'submit' | 'approve' | 'publish-failed' | 'reject' | 'withdraw';

/** One step of a draft's life: who, when, a note, and for submission and approval the gate's report as it was then. */
export interface DraftStep {
  readonly action: DraftAction;
  readonly by: string;
  /** ISO timestamp. */
  readonly at: string;
  readonly note: string;
  /** The status after the step. */
  readonly status: DraftStatus;
  /** Submission and approval: the gate's report with the impact preview, as computed at that moment. */
  readonly report?: GateReport;
  /** Approval by the draft's own author, which only a deployment that allows self-approval accepts. */
  readonly selfApproved?: boolean;
  /** Approval: the version the draft was published as. */
  readonly version?: number;
}

/** A draft of the next version of a rule set, with the scenario cases that travel with it. */
export interface RuleDraft {
  readonly draftId: string;
  readonly ruleSetId: string;
  /** The published version the draft starts from (its content and cases), null for a first version. */
  readonly baseVersion: number | null;
  /** A rollback's draft carries the content of this earlier version. */
  readonly rollbackTo: number | null;
  readonly status: DraftStatus;
  /** Who created the draft: the only one who edits, submits or withdraws it. */
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The rule set being edited, as JSON (not parsed: a draft may be invalid while it is worked on). */
  readonly ruleSet: Record<string, unknown>;
  /** The scenario cases document travelling with the draft, or null. */
  readonly cases: Record<string, unknown> | null;
  readonly steps: readonly DraftStep[];
  /** The version it was published as, once approved. */
  readonly publishedVersion: number | null;
}

/** A step as lists give it: its report replaced by the summary figures and the reference its whole report is read by. */
export type DraftStepOverview = Omit<DraftStep, 'report'> & {
  readonly reportSummary?: StepReportSummary;
  readonly reportRef?: StepReportRef;
};

/** A draft as lists give it: every step's report as its summary, so a list never carries a whole report. */
export type DraftOverview = Omit<RuleDraft, 'steps'> & { readonly steps: readonly DraftStepOverview[] };

/** The content a save replaces. */
export interface DraftContent {
  readonly ruleSet: Record<string, unknown>;
  readonly cases: Record<string, unknown> | null;
}

/**
 * Drafts of rule sets. Every change is a conditional write on the draft's current status, so
 * of two racing transitions (two approvals of one draft) exactly one succeeds; the other gets
 * `DraftStateError`. The store itself refuses the draft's author as its approver unless
 * `allowsSelfApproval` (a deployment setting), and then only with the step marked `selfApproved`.
 */
export interface RuleDraftStore {
  /** A deployment setting: one officer may approve their own draft (a small county). */
  readonly allowsSelfApproval: boolean;
  /** Stores a new draft; `DraftStateError` when the id is taken. */
  create(draft: RuleDraft): Promise<void>;
  get(ruleSetId: string, draftId: string): Promise<RuleDraft | null>;
  /** Every draft of a rule set, oldest first, each step's report as its summary: no report is read. */
  list(ruleSetId: string): Promise<DraftOverview[]>;
  /** One draft with each step's report as its summary: no report is read. */
  overview(ruleSetId: string, draftId: string): Promise<DraftOverview | null>;
  /** The whole report of one step of a draft, by its `reportRef.key`; null when no step of the draft (or no draft) has that key. */
  report(ruleSetId: string, draftId: string, reportKey: string): Promise<GateReport | null>;
  /**
   * Replaces content and cases and appends the step, only while the draft is `draft` and
   * `step.by` is its author (`DraftStateError`, `NotDraftAuthorError`). Gives the draft as
   * `overview` would now give it, built from what was written: no report is read.
   */
  save(ruleSetId: string, draftId: string, content: DraftContent, step: DraftStep): Promise<DraftOverview>;
  /**
   * Moves the draft from `from` to `step.status`, appending the step. Submit and withdraw are the
   * author's (`NotDraftAuthorError` otherwise); approval by the author is refused with
   * `SelfApprovalRefusedError` unless self-approval is allowed and the step says `selfApproved`.
   * Gives the draft as `overview` would now give it, the new step's report as its summary and
   * reference: no report is read, neither the one just written nor an earlier step's.
   */
  transition(ruleSetId: string, draftId: string, from: DraftStatus, step: DraftStep, publishedVersion?: number): Promise<DraftOverview>;
}
