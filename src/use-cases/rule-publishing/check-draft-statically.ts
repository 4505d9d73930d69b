import { TuopinError } from '../../kernel/errors.js';
import { RuleSetInvalidError } from '../../engine/errors.js';
import { loadRuleSet } from '../../engine/load-rule-set.js';
import { yearTables } from '../../engine/parameters.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { FACT_CATALOGUES } from '../../standards/fact-catalogues.js';
import { isStandardId } from '../../standards/standard-ids.js';
import { blankTexts } from './blank-texts.js';
import { bindDraft } from './draft-binding.js';
import { gateStep, type GateProblem, type GateStep } from './gate-report.js';

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

/** A problem of the engine's checks, with the fact named when the path points at one. */
function withFact(document: unknown, problem: { path: string; message: string }): GateProblem {
  if (!problem.path.endsWith('.fact')) return { path: problem.path, message: problem.message };
  const fact = valueAt(document, problem.path);
  return typeof fact === 'string' ? { path: problem.path, fact, message: problem.message } : { path: problem.path, message: problem.message };
}

function problemsOf(error: unknown, document: unknown, year?: number): GateProblem[] {
  const suffix = year === undefined || (error instanceof Error && error.message.includes(String(year))) ? '' : ` (year ${year})`;
  if (error instanceof RuleSetInvalidError) return error.problems.map((p) => withFact(document, { path: p.path, message: `${p.message}${suffix}` }));
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
  const scope = yearList.length > 0 ? `years ${yearList.join(', ')}` : 'no year of data';
  try {
    loadRuleSet(document, catalogueOf, yearList);
  } catch (error) {
    const problems = problemsOf(error, document);
    return gateStep('static', `the draft fails the static checks (${scope})`, problems);
  }
  const problems = blankTexts(ruleSet);
  for (const year of yearsToBind(ruleSet, yearList)) {
    try {
      bindDraft(ruleSet, year);
    } catch (error) {
      problems.push(...problemsOf(error, document, year));
    }
  }
  if (problems.length > 0) return gateStep('static', `the draft fails the static checks (${scope})`, problems);
  const covered = yearList.length > 0 ? `; every year table covers ${scope}` : '';
  return gateStep('static', `facts, operators, parameters and labels check out${covered}`);
}
