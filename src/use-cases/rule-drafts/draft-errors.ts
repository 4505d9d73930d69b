import { TuopinError } from '../../kernel/errors.js';
import type { DraftStatus, DraftStep, RuleDraft } from '../../ports/rule-draft-store.js';

// The refusals of the draft lifecycle. Each message says what happened in Chinese and in
// English, since an officer reads it in the console or the terminal as it comes.

/** No draft of that rule set has that id. */
export class DraftNotFoundError extends TuopinError {
  constructor(
    readonly ruleSetId: string,
    readonly draftId: string,
  ) {
    super('DRAFT_NOT_FOUND', `规则集 ${ruleSetId} 没有草稿 ${draftId} / rule set ${ruleSetId} has no draft ${draftId}`);
  }
}

/** The draft is not in the status the step needs (edited after submission, approved twice, a taken id). */
export class DraftStateError extends TuopinError {
  constructor(
    readonly draftId: string,
    readonly status: DraftStatus | 'exists',
    readonly needed: string,
  ) {
    super('DRAFT_STATE', `草稿 ${draftId} 的状态是 ${status}，此操作需要 ${needed} / draft ${draftId} is ${status}; this step needs it ${needed}`);
  }
}

/** Only the author edits, submits or withdraws a draft. */
export class NotDraftAuthorError extends TuopinError {
  constructor(
    readonly draftId: string,
    readonly by: string,
  ) {
    super('NOT_DRAFT_AUTHOR', `只有草稿 ${draftId} 的起草人可以修改、提交或撤回它（当前调用者 ${by}） / only the author of draft ${draftId} edits, submits or withdraws it (the caller is ${by})`);
  }
}

/** The approver is the draft's author, and the deployment does not allow self-approval. */
export class SelfApprovalRefusedError extends TuopinError {
  constructor(
    readonly draftId: string,
    readonly by: string,
  ) {
    super(
      'SELF_APPROVAL_REFUSED',
      `草稿 ${draftId} 由 ${by} 起草，起草人不能批准自己的草稿，须由另一位审批人批准 / draft ${draftId} was written by ${by}: its author cannot approve it, another approver must`,
    );
  }
}

/** The old one-step publication, refused where a second person's approval is required. */
export class OneStepPublishRefusedError extends TuopinError {
  constructor(readonly ruleSetId: string) {
    super(
      'ONE_STEP_PUBLISH_REFUSED',
      `本部署要求第二人批准：请为 ${ruleSetId} 创建草稿并提交（submit），由审批人批准（approve）后发布 / this deployment requires a second person's approval: create a draft of ${ruleSetId}, submit it, and an approver approves it to publish`,
    );
  }
}

/** A step that must record a note (rejection, withdrawal) came without one. */
export class DraftNoteRequiredError extends TuopinError {
  constructor(readonly action: string) {
    super('REQUEST_INVALID', `${action} 须附说明 / a ${action} records a note: it is required`);
  }
}

/** The author-only steps: a draft is edited, submitted and withdrawn by the one who wrote it. */
export const AUTHOR_ACTIONS: ReadonlySet<DraftStep['action']> = new Set(['save', 'confirm-cases', 'submit', 'withdraw']);

/**
 * Why a step may not be applied to a draft, checked in the order the DynamoDB store's condition
 * is explained: the status first, then who acts. Shared by both stores so they refuse alike.
 */
export function refusalOf(draft: Pick<RuleDraft, 'draftId' | 'status' | 'author'>, from: DraftStatus, step: DraftStep, allowsSelfApproval: boolean): Error | null {
  if (draft.status !== from) return new DraftStateError(draft.draftId, draft.status, from);
  if (AUTHOR_ACTIONS.has(step.action) && step.by !== draft.author) return new NotDraftAuthorError(draft.draftId, step.by);
  if (step.action === 'approve') {
    const own = step.by === draft.author;
    if (own && !(allowsSelfApproval && step.selfApproved === true)) return new SelfApprovalRefusedError(draft.draftId, step.by);
    if (!own && step.selfApproved === true) return new DraftStateError(draft.draftId, draft.status, 'approved by its author to be marked self-approved');
  }
  return null;
}

/** A step of a draft refers to a report whose pieces the store no longer holds in full: a store fault, never a short report. */
export class DraftReportMissingError extends TuopinError {
  constructor(
    readonly draftId: string,
    readonly reportKey: string,
    found: number,
    expected: number,
  ) {
    super(
      'DRAFT_REPORT_MISSING',
      `草稿 ${draftId} 的报告 ${reportKey} 只找到 ${found}/${expected} 块，存储有误 / the report ${reportKey} of draft ${draftId} has ${found} of its ${expected} chunks: the store is at fault`,
    );
  }
}

/** No step of the draft has a report under that key. */
export class DraftReportNotFoundError extends TuopinError {
  constructor(
    readonly draftId: string,
    readonly reportKey: string,
  ) {
    super('DRAFT_REPORT_NOT_FOUND', `草稿 ${draftId} 没有报告 ${reportKey} / draft ${draftId} has no report ${reportKey}`);
  }
}
