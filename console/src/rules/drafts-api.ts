import { get, post, type Ok } from '../api/client.js';
import type { JsonObject } from './draft-paths.js';
import type { RuleDraft } from './draft-types.js';
import type { PostOk } from './gate-types.js';

/** One carried case judged by the version in force (before) and by the draft (after), as `…/case-runs` answers. */
export type CarriedCase = PostOk<'/rule-sets/{ruleSetId}/drafts/{draftId}/case-runs'>['cases'][number];

/** Submission and approval: the gate ran again; `refused` says why, with its report. */
export type DraftGateOutcome = Omit<PostOk<'/rule-sets/{ruleSetId}/drafts/{draftId}/submissions'>, 'draft'> & { readonly draft: RuleDraft };

type Path = { ruleSetId: string; draftId: string };

/**
 * The draft lifecycle's routes (docs/api.md), each called with the session's caller as author
 * or approver: the console never says who it is, the API knows.
 */
type History = Ok<'/rule-sets/{ruleSetId}/history'>;

/**
 * A standard's history: every version with its approval and impact as approved, and every
 * draft, from the generated API schema; the rule sets and cases in it read as the JSON they are.
 */
export type RuleHistory = Omit<History, 'versions' | 'drafts'> & {
  readonly versions: readonly (Omit<History['versions'][number], 'cases' | 'ruleSet'> & { readonly cases: JsonObject | null; readonly ruleSet: JsonObject })[];
  readonly drafts: readonly RuleDraft[];
};

export const draftsApi = {
  history: (ruleSetId: string) => get('/rule-sets/{ruleSetId}/history', { ruleSetId }) as unknown as Promise<RuleHistory>,
  list: (ruleSetId: string) => get('/rule-sets/{ruleSetId}/drafts', { ruleSetId }) as unknown as Promise<{ drafts: RuleDraft[] }>,
  create: (ruleSetId: string, body: { rollbackTo?: number; fromDraft?: string; note?: string } = {}) => post('/rule-sets/{ruleSetId}/drafts', { ruleSetId }, body) as Promise<RuleDraft>,
  get: (path: Path) => get('/rule-sets/{ruleSetId}/drafts/{draftId}', path) as unknown as Promise<RuleDraft>,
  save: (path: Path, content: { ruleSet: JsonObject; cases: JsonObject | null }) => post('/rule-sets/{ruleSetId}/drafts/{draftId}/saves', path, content) as Promise<RuleDraft>,
  runCases: (path: Path, content: { ruleSet: JsonObject; cases: JsonObject | null }) =>
    post('/rule-sets/{ruleSetId}/drafts/{draftId}/case-runs', path, { ruleSet: content.ruleSet, ...(content.cases ? { cases: content.cases } : {}) }) as Promise<{ cases: CarriedCase[]; changed: number; failing: number }>,
  confirmCases: (path: Path, names: readonly string[]) => post('/rule-sets/{ruleSetId}/drafts/{draftId}/case-confirmations', path, { names }) as Promise<{ draft: RuleDraft; confirmed: string[] }>,
  submit: (path: Path, note: string) => post('/rule-sets/{ruleSetId}/drafts/{draftId}/submissions', path, { note }) as Promise<DraftGateOutcome>,
  approve: (path: Path, note: string) => post('/rule-sets/{ruleSetId}/drafts/{draftId}/approvals', path, { note }) as Promise<DraftGateOutcome>,
  reject: (path: Path, note: string) => post('/rule-sets/{ruleSetId}/drafts/{draftId}/rejections', path, { note }) as Promise<RuleDraft>,
  withdraw: (path: Path, note: string) => post('/rule-sets/{ruleSetId}/drafts/{draftId}/withdrawals', path, { note }) as Promise<RuleDraft>,
};
