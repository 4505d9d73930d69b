import { RuleSetNotFoundError } from '../../engine/errors.js';
import { safeParseRuleSet } from '../../engine/rule-set-schema.js';
import type { DraftOverview } from '../../ports/rule-draft-store.js';
import type { Stores } from '../../ports/stores.js';
import { versionProvenance } from '../rule-publishing/rule-set-admin.js';
import { approvalOf, casesOf } from '../rule-publishing/published-entry.js';
import { diffRuleSets, type RuleSetDiff } from '../rule-publishing/rule-set-diff.js';

/** A draft in the history: each step's report as its summary, with its diff to the version it started from (null while its content is not a valid rule set). */
export type DraftInHistory = DraftOverview & { readonly diff: RuleSetDiff | null };

/**
 * A rule set's whole history: every published version with its provenance, how it was
 * approved, its diff to the version before, the cases stored with it and the impact report as
 * approved (for a version published through a draft: its summary and the key its changes are
 * read by, page by page); and every draft with its steps — who, when, what note, and the summary
 * of the gate's report at submission and at approval — rejected and withdrawn ones included. No
 * whole report is read: a province's reports would take the history past a response's size.
 */
export async function lifecycleHistory(stores: Pick<Stores, 'ruleSets' | 'drafts'>, ruleSetId: string) {
  const versions = await stores.ruleSets.listVersions(ruleSetId);
  if (versions.length === 0) throw new RuleSetNotFoundError(ruleSetId, 'no version is published');
  const drafts = await stores.drafts.list(ruleSetId);
  const byVersion = new Map(versions.map((v) => [v.ruleSet.version, v.ruleSet]));
  return {
    ruleSetId,
    versions: versions.map((v, index) => {
      const approval = approvalOf(v);
      const approvedStep = approval ? drafts.find((d) => d.draftId === approval.draftId)?.steps.findLast((s) => s.action === 'approve') : undefined;
      return {
        ...versionProvenance(v),
        approval,
        diff: index === 0 ? null : diffRuleSets(versions[index - 1]!.ruleSet, v.ruleSet),
        cases: casesOf(v),
        impact: approval && approvedStep?.reportRef && approvedStep.reportSummary ? { draftId: approval.draftId, reportKey: approvedStep.reportRef.key, summary: approvedStep.reportSummary } : null,
        ruleSet: v.ruleSet,
      };
    }),
    drafts: drafts.map((draft): DraftInHistory => {
      const parsed = safeParseRuleSet(draft.ruleSet);
      const base = draft.baseVersion === null ? undefined : byVersion.get(draft.baseVersion);
      return { ...draft, diff: parsed.success && base ? diffRuleSets(base, parsed.data) : null };
    }),
  };
}
