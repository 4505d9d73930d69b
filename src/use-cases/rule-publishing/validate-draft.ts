import type { RuleSet } from '../../engine/rule-set-schema.js';
import { checkDraftSchema } from './check-draft-schema.js';
import { checkDraftStatically } from './check-draft-statically.js';
import type { GateReport } from './gate-report.js';

/**
 * Steps a and b of the publish gate alone, with no store: the schema, then the static checks
 * for the given assessment years and the draft's `effectiveFrom` year. For `rules validate`.
 */
export function validateDraft(document: unknown, years: readonly number[]): { report: GateReport; ruleSet: RuleSet | null } {
  const schema = checkDraftSchema(document);
  const draft = schema.ruleSet;
  const steps = [schema.step];
  if (draft) steps.push(checkDraftStatically(document, draft, [...years, Number(draft.effectiveFrom.slice(0, 4))]));
  return { report: { ruleSetId: draft?.id ?? null, version: draft?.version ?? null, ok: steps.every((s) => s.ok), steps, preview: null }, ruleSet: draft };
}
