import { RuleSetNotFoundError } from '../../engine/errors.js';
import { publishRuleSet, type PublishOutcome, type PublishRequest } from './publish-rule-set.js';
import { casesOf } from './published-entry.js';
import type { GateStores } from './run-publish-gate.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { RollbackRefusedError } from './publishing-errors.js';

export interface RollbackRequest extends Omit<PublishRequest, 'document' | 'cases'> {
  readonly ruleSetId: string;
  /** The version whose content comes back. */
  readonly to: number;
  /** Scenario cases of version `to`; by default those stored with it. */
  readonly cases?: unknown;
}

/** Cases written for version `to`, relabelled for the new version that carries its content. */
export function relabel(cases: unknown, ruleSetId: string, from: number, to: number): unknown {
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

/**
 * The next version of a standard with the content of version `to` (items, parameters,
 * decision, labels…), so history is never rewritten: a rollback is a new version. It takes
 * effect on the latest `effectiveFrom` of any version (at least the latest version's), and as
 * the highest version number it wins the ties of that day: from then on it is in force, and
 * earlier days keep the versions they had.
 */
export function rollbackDraft(versions: readonly RuleSet[], to: number, note: string): RuleSet {
  const id = versions[0]?.id ?? 'unknown';
  const target = versions.find((v) => v.version === to);
  if (!target) throw new RuleSetNotFoundError(id, `version ${to} is not published`);
  const latest = Math.max(...versions.map((v) => v.version));
  if (to === latest) throw new RollbackRefusedError(id, to, 'it is the latest version already');
  const effectiveFrom = versions.map((v) => v.effectiveFrom).reduce((a, b) => (a > b ? a : b));
  return { ...structuredClone(target), version: latest + 1, effectiveFrom, changeNote: `rollback to version ${to}: ${note}` };
}
