import type { JsonObject } from './draft-paths.js';
import type { GateReport } from './gate-types.js';

/** Where a draft stands (src/ports/rule-draft-store.ts). */
export type DraftStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** One step of a draft's life: who, when, a note, and for submission and approval the gate's report as it was then. */
export interface DraftStep {
  readonly action: 'create' | 'save' | 'confirm-cases' | 'submit' | 'approve' | 'publish-failed' | 'reject' | 'withdraw';
  readonly by: string;
  readonly at: string;
  readonly note: string;
  readonly status: DraftStatus;
  readonly report?: GateReport;
  readonly selfApproved?: boolean;
  readonly version?: number;
}

/** A draft of a rule set's next version as the drafts routes answer it. */
export interface RuleDraft {
  readonly draftId: string;
  readonly ruleSetId: string;
  readonly baseVersion: number | null;
  readonly rollbackTo: number | null;
  readonly status: DraftStatus;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly ruleSet: JsonObject;
  readonly cases: JsonObject | null;
  readonly steps: readonly DraftStep[];
  readonly publishedVersion: number | null;
}

export const STATUS_COLOURS: Record<DraftStatus, string> = { draft: 'blue', submitted: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' };

/** The latest report a step of the draft carries (approval's, else submission's): the impact as approved or as submitted. */
export function latestReport(draft: RuleDraft): GateReport | null {
  for (const step of [...draft.steps].reverse()) if (step.report) return step.report;
  return null;
}

/** The cases document travelling with a draft, named for the draft's id and version. */
export function casesFor(cases: JsonObject, draft: JsonObject): JsonObject {
  return cases.ruleSetId === draft.id && cases.version === draft.version ? cases : { ...cases, ruleSetId: draft.id ?? null, version: draft.version ?? null };
}
