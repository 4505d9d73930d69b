import type { ItemEvaluator } from '../../engine/evaluators.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { safeParseRuleSet } from '../../engine/rule-set-schema.js';
import type { Verdict } from '../../engine/verdict.js';
import { TuopinError } from '../../kernel/errors.js';
import { companionRuleSets } from '../rule-publishing/companion-rule-sets.js';
import { runScenarioCases, type ScenarioResult } from '../scenarios/run-scenario-cases.js';
import { ScenarioFileSchema } from '../scenarios/scenario-cases.js';
import { createScoringContext } from '../scoring-context.js';

/** What a case's subject came to under one rule set: the outcome and each item's outcome. */
export interface CaseResult {
  readonly outcome: string;
  readonly items: Readonly<Record<string, string>>;
}

/** One carried case judged by the version in force (before) and by the draft (after). */
export interface CarriedCase {
  readonly name: string;
  readonly year: number;
  readonly expected: { readonly outcome: string; readonly items?: Readonly<Record<string, string>> | undefined };
  /** Null for an accountability case (a roll-up, not one verdict) or a case the rule set could not judge. */
  readonly before: CaseResult | null;
  readonly after: CaseResult | null;
  /** The draft judges the case differently from the version in force. */
  readonly changed: boolean;
  /** The draft meets the case's expectation. */
  readonly passes: boolean;
  /** What differs from the expectation under the draft, one line each. */
  readonly differences: readonly string[];
}

export interface CarriedCasesRun {
  readonly ruleSetId: string;
  readonly cases: readonly CarriedCase[];
  readonly changed: number;
  readonly failing: number;
}

/** The draft's content or its cases cannot be run: not a valid rule set, or not a cases document. */
export class DraftCasesUnreadableError extends TuopinError {
  constructor(
    readonly what: 'rule set' | 'cases',
    detail: string,
  ) {
    super('REQUEST_INVALID', `草稿的${what === 'cases' ? '情景用例' : '规则集'}无法运行：${detail} / the draft's ${what} cannot be run: ${detail}`);
  }
}

const resultOf = (verdict: Verdict | null): CaseResult | null =>
  verdict === null ? null : { outcome: verdict.outcome, items: Object.fromEntries(verdict.items.map((item) => [item.id, item.outcome])) };

const sameResult = (a: CaseResult | null, b: CaseResult | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs a draft's scenario cases — those carried from the version in force, and any added — with
 * the version in force and with the draft, side by side: what each case expects, what it
 * came to before and after, whether the draft changed it and whether the draft meets it. An
 * accountability case has no single verdict: it reports only whether the draft meets it. The
 * draft's verdicts come back beside the report, by case name, for `confirmCases`.
 */
export async function runCarriedCases(input: {
  ruleSet: unknown;
  cases: unknown;
  published: readonly RuleSet[];
  reviewed: readonly RuleSet[];
  evaluator: ItemEvaluator;
}): Promise<{ run: CarriedCasesRun; verdicts: ReadonlyMap<string, Verdict> }> {
  const draft = safeParseRuleSet(input.ruleSet);
  if (!draft.success) throw new DraftCasesUnreadableError('rule set', draft.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const file = ScenarioFileSchema.safeParse(input.cases);
  if (!file.success) throw new DraftCasesUnreadableError('cases', file.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const context = (withDraft: boolean) => (year: number) =>
    createScoringContext(companionRuleSets(input.published, input.reviewed, `${year}-12-31`, withDraft ? draft.data : undefined), `${year}Q4`, input.evaluator);
  const before: ScenarioResult[] = await runScenarioCases(file.data, context(false));
  const after: ScenarioResult[] = await runScenarioCases(file.data, context(true));
  const cases = file.data.cases.map((scenario, index): CarriedCase => {
    const was = before[index]!;
    const is = after[index]!;
    const b = resultOf(was.verdict);
    const a = resultOf(is.verdict);
    return {
      name: scenario.name,
      year: scenario.year,
      expected: { outcome: scenario.expected.outcome, ...(scenario.expected.items ? { items: scenario.expected.items } : {}) },
      before: b,
      after: a,
      changed: a === null && b === null ? was.passed !== is.passed : !sameResult(b, a),
      passes: is.passed,
      differences: is.differences,
    };
  });
  const verdicts = new Map(file.data.cases.flatMap((scenario, index) => (after[index]!.verdict ? [[scenario.name, after[index]!.verdict!] as const] : [])));
  return { run: { ruleSetId: draft.data.id, cases, changed: cases.filter((c) => c.changed).length, failing: cases.filter((c) => !c.passes).length }, verdicts };
}

/** A case named for confirmation is not among the draft's cases, or has no verdict to take. */
export class CaseNotConfirmableError extends TuopinError {
  constructor(readonly names: readonly string[]) {
    super('CASE_NOT_CONFIRMABLE', `这些用例不存在或没有可采用的判定：${names.join('、')} / no such case, or no verdict to take, for: ${names.join(', ')}`);
  }
}

/**
 * The cases document with the named cases' expectations replaced by what the draft gives: the
 * outcome, and each expected item, reason, missing field, warning and figure the case names.
 * Nothing else of the document changes. `names` null confirms every case the draft fails.
 */
export function confirmCases(cases: Record<string, unknown>, run: CarriedCasesRun, names: readonly string[] | null, verdicts: ReadonlyMap<string, Verdict>): { cases: Record<string, unknown>; confirmed: string[] } {
  const chosen: string[] = names ? [...names] : run.cases.filter((c) => !c.passes).map((c) => c.name);
  const unknown = chosen.filter((name) => !verdicts.has(name));
  if (unknown.length > 0) throw new CaseNotConfirmableError(unknown);
  const document = structuredClone(cases) as { cases: { name: string; expected: Record<string, unknown> }[] };
  for (const scenario of document.cases) {
    const verdict = verdicts.get(scenario.name);
    if (!verdict || !chosen.includes(scenario.name)) continue;
    scenario.expected = expectationFrom(scenario.expected, verdict);
  }
  return { cases: document as unknown as Record<string, unknown>, confirmed: chosen };
}

function expectationFrom(expected: Record<string, unknown>, verdict: Verdict): Record<string, unknown> {
  const next: Record<string, unknown> = { ...expected, outcome: verdict.outcome };
  if (expected.items) {
    const items: Record<string, string> = {};
    for (const id of Object.keys(expected.items as object)) {
      const item = verdict.items.find((i) => i.id === id);
      if (item) items[id] = item.outcome;
    }
    next.items = items;
  }
  if (expected.reasons) next.reasons = [...verdict.reasons];
  if (expected.missing) next.missing = [...verdict.missing];
  if (expected.warnings) next.warnings = verdict.warnings.map((w) => w.id);
  if (expected.figures) next.figures = Object.fromEntries(Object.keys(expected.figures as object).map((name) => [name, verdict.figures?.[name] ?? null]));
  return next;
}
