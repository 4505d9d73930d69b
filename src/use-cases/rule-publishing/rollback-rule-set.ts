import { RuleSetNotFoundError } from '../../engine/errors.js';
import { publishRuleSet, type PublishOutcome, type PublishRequest } from './publish-rule-set.js';
import { casesOf } from './published-entry.js';
import { rollbackDraft } from './rollback-draft.js';
import type { GateStores } from './run-publish-gate.js';

export interface RollbackRequest extends Omit<PublishRequest, 'document' | 'cases'> {
  readonly ruleSetId: string;
  /** The version whose content comes back. */
  readonly to: number;
  /** Scenario cases of version `to`; by default those stored with it. */
  readonly cases?: unknown;
}

/** Cases written for version `to`, relabelled for the new version that carries its content. */
function relabel(cases: unknown, ruleSetId: string, from: number, to: number): unknown {
  if (typeof cases !== 'object' || cases === null) return cases;
  const file = cases as { ruleSetId?: unknown; version?: unknown };
  return file.ruleSetId === ruleSetId && file.version === from ? { ...file, version: to } : cases;
}

/**
 * `rollback ID --to N`: publishes, through the whole gate, a new version whose content is
 * version N's (see `rollbackDraft`), with changeNote "rollback to version N: <note>". Version
 * N's scenario cases travel with it; when it changes outcomes it needs `acceptImpact` too.
 */
export async function rollbackRuleSet(stores: GateStores, request: RollbackRequest, now: Date): Promise<PublishOutcome> {
  const entries = await stores.ruleSets.listVersions(request.ruleSetId);
  if (entries.length === 0) throw new RuleSetNotFoundError(request.ruleSetId, 'no version is published');
  const draft = rollbackDraft(
    entries.map((e) => e.ruleSet),
    request.to,
    request.note,
  );
  const target = entries.find((e) => e.ruleSet.version === request.to)!;
  const cases = request.cases ?? casesOf(target);
  return publishRuleSet(stores, { ...request, document: draft, cases: relabel(cases, request.ruleSetId, request.to, draft.version) }, now);
}
