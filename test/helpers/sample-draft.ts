import type { RuleDraft } from '../../src/ports/rule-draft-store.js';

/** The moment the sample drafts are created and stepped at. */
export const DRAFT_AT = '2026-11-30T08:00:00.000Z';

/** A household-exit draft by 王芳 raising the 2018 exit line to 4200, just created: what the draft-store tests start from. */
export const sampleDraft = (overrides: Partial<RuleDraft> = {}): RuleDraft => ({
  draftId: 'd1',
  ruleSetId: 'household-exit',
  baseVersion: 1,
  rollbackTo: null,
  status: 'draft',
  author: '王芳',
  createdAt: DRAFT_AT,
  updatedAt: DRAFT_AT,
  ruleSet: { id: 'household-exit', version: 2, parameters: { exitLine: { byYear: { '2018': 4200 } } } },
  cases: { ruleSetId: 'household-exit', version: 2, cases: [] },
  steps: [{ action: 'create', by: '王芳', at: DRAFT_AT, note: 'from v1', status: 'draft' }],
  publishedVersion: null,
  ...overrides,
});
