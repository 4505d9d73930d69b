import { decideOutcome } from './decide-outcome.js';
import { determinationId } from './determination-id.js';
import { actualValue, describeRequirement, missingFields } from './explain-item.js';
import type { Facts } from './facts.js';
import type { ItemEvaluator } from './evaluators.js';
import type { ItemOutcome, SubjectType, Verdict, VerdictItem, VerdictWarning } from './verdict.js';
import type { PreparedRuleSet } from './prepare-rule-set.js';

export interface Subject {
  readonly type: SubjectType;
  readonly id: string;
  readonly figures?: Readonly<Record<string, number | null>>;
}

/** Turns evaluated item outcomes into a full, explained verdict. */
export function explainVerdict(prepared: PreparedRuleSet, subject: Subject, facts: Facts, outcomes: readonly ItemOutcome[]): Verdict {
  const { ruleSet } = prepared;
  const items: VerdictItem[] = [];
  // Every verdict is explained, so no intermediate copies: one object per item, in its final shape.
  let unknownFields: string[] | null = null;
  for (let index = 0; index < prepared.items.length; index += 1) {
    const item = prepared.items[index]!;
    const outcome = outcomes[index]!;
    const actual = actualValue(item, facts);
    const expected = describeRequirement(item, facts);
    if (outcome === 'unknown') {
      const fields = missingFields(item, facts);
      (unknownFields ??= []).push(...fields);
      items.push({ id: item.id, outcome, label: item.label, actual, expected, missing: fields });
    } else items.push({ id: item.id, outcome, label: item.label, actual, expected });
  }
  const warnings: VerdictWarning[] = [];
  for (let index = 0; index < prepared.warnings.length; index += 1) {
    if (outcomes[prepared.items.length + index] !== 'pass') continue;
    const warning = prepared.warnings[index]!;
    warnings.push({ id: warning.id, label: warning.label, actual: actualValue(warning, facts), expected: describeRequirement(warning, facts) });
  }
  const decided = decideOutcome(ruleSet.decision!, prepared.items, outcomes);
  const missing = unknownFields ? [...new Set(unknownFields)].sort() : [];
  const verdict: Verdict = {
    subjectType: subject.type,
    subjectId: subject.id,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    year: prepared.year,
    outcome: decided.outcome,
    outcomeLabel: ruleSet.outcomeLabels[decided.outcome]!,
    items,
    reasons: decided.reasons,
    missing,
    warnings,
    ...(subject.figures ? { figures: subject.figures } : {}),
    // The input of a verdict is exactly what the engine judged: the subject's facts (with the
    // fields that made some missing) and its figures. A record change that alters no fact
    // cannot change the verdict, so it does not change the determination either.
    determinationId: determinationId(ruleSet.id, ruleSet.version, prepared.year, {
      subject: `${subject.type}:${subject.id}`,
      facts: facts.values,
      missing: facts.missing,
      figures: subject.figures ?? null,
    }),
  };
  return verdict;
}

/** Evaluates and explains; synchronous evaluators stay synchronous on the hot path. */
export function judge(
  evaluator: ItemEvaluator,
  prepared: PreparedRuleSet,
  subject: Subject,
  facts: Facts,
): Verdict | Promise<Verdict> {
  const outcomes = evaluator.evaluate(prepared, facts);
  return outcomes instanceof Promise
    ? outcomes.then((resolved) => explainVerdict(prepared, subject, facts, resolved))
    : explainVerdict(prepared, subject, facts, outcomes);
}
