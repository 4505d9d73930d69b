import type { Verdict } from '../../engine/verdict.js';
import type { ItemChange, OutcomeChange } from './impact-preview.js';

const keyOf = (v: Verdict) => `${v.subjectType}\u0000${v.subjectId}\u0000${v.ruleSetId}`;

function itemChanges(before: Verdict | undefined, after: Verdict | undefined): ItemChange[] {
  const outcomes = (v: Verdict | undefined) => new Map((v?.items ?? []).map((item) => [item.id, item.outcome]));
  const was = outcomes(before);
  const is = outcomes(after);
  const ids = [...new Set([...was.keys(), ...is.keys()])];
  return ids.filter((id) => was.get(id) !== is.get(id)).map((id) => ({ id, before: was.get(id) ?? null, after: is.get(id) ?? null }));
}

/**
 * The verdicts whose outcome differs between two judgements of the same subjects, matched by
 * subject and standard (a verdict present on one side only is a change from or to `null`),
 * sorted by subject type, subject id, standard.
 */
export function outcomeChanges(before: readonly Verdict[], after: readonly Verdict[]): OutcomeChange[] {
  const was = new Map(before.map((v) => [keyOf(v), v]));
  const is = new Map(after.map((v) => [keyOf(v), v]));
  const changes: OutcomeChange[] = [];
  for (const key of [...new Set([...was.keys(), ...is.keys()])].sort()) {
    const b = was.get(key);
    const a = is.get(key);
    if (b?.outcome === a?.outcome) continue;
    const subject = (a ?? b)!;
    changes.push({
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      ruleSetId: subject.ruleSetId,
      before: b?.outcome ?? null,
      after: a?.outcome ?? null,
      items: itemChanges(b, a),
    });
  }
  return changes;
}
