import type { Text } from '../../i18n/messages.js';
import { RuleSetInvalidError } from '../../engine/errors.js';
import { explainSchemaIssues, loadRuleSet } from '../../engine/load-rule-set.js';
import { TuopinError } from '../../kernel/errors.js';
import { yearTables } from '../../engine/parameters.js';
import { safeParseRuleSet, type RuleSet } from '../../engine/rule-set-schema.js';
import { FACT_CATALOGUES } from '../../standards/fact-catalogues.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { blankTexts } from './blank-texts.js';
import { ruleProblemText, schemaProblemText } from './rule-problem-text.js';
import type { RuleSetProblem } from '../../engine/rule-set-problem.js';
import { bindDraft } from './draft-binding.js';
import { gateProblem, gateStep, type GateProblem, type GateReport, type GateStep } from './gate-report.js';

/**
 * Step a of the publish gate: the draft against the rule-set schema (zod), every problem named
 * by its JSON path (`items.2.conditions.all.0.operator`). Unknown operators, missing zh/en
 * labels and malformed year tables are refused here. Returns the parsed rule set when it passes.
 */
export function checkDraftSchema(document: unknown): { step: GateStep; ruleSet: RuleSet | null } {
  const parsed = safeParseRuleSet(document);
  if (parsed.success) {
    return { step: gateStep('schema', { key: 'gateSummary.schemaOk', params: { id: parsed.data.id, version: parsed.data.version } }), ruleSet: parsed.data };
  }
  const problems = explainSchemaIssues(parsed.error.issues).map((problem) => gateProblem(schemaProblemText(problem), { path: problem.path }));
  return { step: gateStep('schema', { key: problems.length === 1 ? 'gateSummary.schemaFail.one' : 'gateSummary.schemaFail.many', params: { count: problems.length } }, problems), ruleSet: null };
}

const catalogueOf = (id: string) => (isStandardId(id) ? FACT_CATALOGUES[id] : undefined);

/** The value at a dotted JSON path of the document (`items.0.conditions.all.1.fact`). */
function valueAt(document: unknown, path: string): unknown {
  let value = document;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * A problem of the engine's checks, with the fact named when the path points at one, said as a
 * catalogue text when it has a code; `year` is the year it appeared in when its message lacks it.
 */
function withFact(document: unknown, problem: RuleSetProblem, year: number | undefined): GateProblem {
  const fact = problem.path.endsWith('.fact') ? valueAt(document, problem.path) : undefined;
  const where = typeof fact === 'string' ? { path: problem.path, fact } : { path: problem.path };
  const text = ruleProblemText(problem, year);
  return text === undefined ? { ...where, message: year === undefined ? problem.message : `${problem.message} (year ${year})` } : gateProblem(text, where);
}

function problemsOf(error: unknown, document: unknown, year?: number): GateProblem[] {
  const unsaid = year === undefined || (error instanceof Error && error.message.includes(String(year))) ? undefined : year;
  const suffix = unsaid === undefined ? '' : ` (year ${unsaid})`;
  if (error instanceof RuleSetInvalidError) return error.problems.map((p) => withFact(document, p, unsaid));
  if (error instanceof TuopinError) return [{ message: `${error.code}: ${error.message}${suffix}` }];
  throw error;
}

/** The years to bind: those the data uses, and every year a table of the draft names. */
function yearsToBind(ruleSet: RuleSet, years: readonly number[]): number[] {
  const all = new Set(years);
  for (const table of yearTables(ruleSet)) table.years.forEach((year) => all.add(year));
  if (all.size === 0) all.add(Number(ruleSet.effectiveFrom.slice(0, 4)));
  return [...all].sort((a, b) => a - b);
}

/**
 * Step b of the publish gate, on a draft that passed the schema: the engine's own checks
 * (`loadRuleSet`: every fact in the standard's catalogue with a type its operator can compare,
 * every parameter defined, every year the data uses in every year-keyed table, every condition
 * meaningful once the year's values are in), no blank zh/en text, and the draft bound for each
 * of those years as a run binds it. `years` are the assessment years the draft will judge: the
 * quarters of the runs in the store and the year it takes effect.
 */
export function checkDraftStatically(document: unknown, ruleSet: RuleSet, years: readonly number[]): GateStep {
  const yearList = [...new Set(years)].sort((a, b) => a - b);
  const scope: Text = yearList.length > 0 ? { key: 'gateSummary.years', params: { years: yearList.join(', ') } } : { key: 'gateSummary.noYear' };
  try {
    loadRuleSet(document, catalogueOf, yearList);
  } catch (error) {
    const problems = problemsOf(error, document);
    return gateStep('static', { key: 'gateSummary.staticFail', params: { scope } }, problems);
  }
  const problems = blankTexts(ruleSet);
  for (const year of yearsToBind(ruleSet, yearList)) {
    try {
      bindDraft(ruleSet, year);
    } catch (error) {
      problems.push(...problemsOf(error, document, year));
    }
  }
  if (problems.length > 0) return gateStep('static', { key: 'gateSummary.staticFail', params: { scope } }, problems);
  const covered: Text | string = yearList.length > 0 ? { key: 'gateSummary.covered', params: { scope } } : '';
  return gateStep('static', { key: 'gateSummary.staticOk', params: { covered } });
}

/**
 * Versions are published in sequence: the draft must be the latest published version + 1
 * (1 for a standard the store holds none of). A gap or a taken number is refused here; two
 * publishers racing for the same next number are settled by the store's conditional write.
 */
export function checkNextVersion(draft: RuleSet, published: readonly RuleSet[]): GateStep {
  const latest = Math.max(0, ...published.filter((v) => v.id === draft.id).map((v) => v.version));
  const next = latest + 1;
  if (draft.version === next) return gateStep('version', { key: 'gateSummary.versionOk', params: { version: draft.version, id: draft.id } });
  const why: Text = draft.version <= latest ? { key: 'gateProblem.taken', params: { version: draft.version, id: draft.id } } : { key: 'gateProblem.gap', params: { version: draft.version } };
  const state: Text = latest === 0 ? { key: 'gateProblem.noneStored', params: { id: draft.id } } : { key: 'gateProblem.latest', params: { latest } };
  return gateStep('version', { key: 'gateSummary.versionNot', params: { version: draft.version, id: draft.id } }, [gateProblem({ key: 'gateProblem.nextVersion', params: { why, state, next } }, { path: 'version' })]);
}

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
