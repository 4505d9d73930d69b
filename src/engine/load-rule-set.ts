import { ruleProblem } from './rule-set-problem.js';
import type { z } from 'zod';
import { checkConditionTypes } from './check-condition-types.js';
import { checkRuleSet, type CatalogueView } from './check-rule-set.js';
import { RuleSetInvalidError, RuleSetNotFoundError } from './errors.js';
import { yearTables } from './parameters.js';
import { prepareRuleSet } from './prepare-rule-set.js';
import { safeParseRuleSet, type RuleSet } from './rule-set-schema.js';

/**
 * Parses a rule-set document (a file, an API body, a stored item) and refuses it, with every
 * problem and its JSON path, unless it satisfies the schema and the static checks.
 */
export function loadRuleSet(document: unknown, catalogueOf: (id: string) => CatalogueView | undefined, years: readonly number[] = []): RuleSet {
  const parsed = safeParseRuleSet(document);
  const id = typeof document === 'object' && document !== null && 'id' in document ? String(document.id) : 'unknown';
  if (!parsed.success) {
    throw new RuleSetInvalidError(
      id,
      explainSchemaIssues(parsed.error.issues),
    );
  }
  const catalogue = catalogueOf(parsed.data.id);
  if (!catalogue) throw new RuleSetInvalidError(id, [ruleProblem('id', 'noStandard', { id: parsed.data.id })]);
  const problems = checkRuleSet(parsed.data, catalogue, years);
  if (problems.length > 0) throw new RuleSetInvalidError(id, problems);
  for (const year of yearsToPrepare(parsed.data, years)) {
    const typeProblems = checkConditionTypes(prepareRuleSet(parsed.data, year));
    if (typeProblems.length > 0) throw new RuleSetInvalidError(id, typeProblems.map((p) => ({ ...p, message: `${p.message} (year ${year})`, year })));
  }
  return parsed.data;
}

/**
 * A version read back from the store failed the checks it passed when it was published: it
 * was written behind the publish gate's back (or by an older gate). Refused once, naming the
 * rule set and version, instead of failing every village that would have been judged with it.
 */
export class StoredRuleSetInvalidError extends RuleSetInvalidError {
  constructor(
    ruleSetId: string,
    readonly version: number | string,
    problems: readonly { path: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(ruleSetId, problems, options);
    this.message = `rule set ${ruleSetId} version ${version} in the store is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
  }
}

/**
 * Checks a version read from the store again, exactly as a draft is checked at the gate
 * (limits, schema, static checks), and that it is the version it is stored as. Returns the
 * parsed rule set; throws `StoredRuleSetInvalidError` naming `stored.id` and `stored.version`.
 */
export function loadStoredRuleSet(
  document: unknown,
  stored: { readonly id: string; readonly version: number },
  catalogueOf: (id: string) => CatalogueView | undefined,
): RuleSet {
  let ruleSet: RuleSet;
  try {
    ruleSet = loadRuleSet(document, catalogueOf);
  } catch (error) {
    if (!(error instanceof RuleSetInvalidError)) throw error;
    throw new StoredRuleSetInvalidError(stored.id, stored.version, error.problems, { cause: error });
  }
  if (ruleSet.id !== stored.id || ruleSet.version !== stored.version) {
    throw new StoredRuleSetInvalidError(stored.id, stored.version, [{ path: 'id', message: `the item holds ${ruleSet.id} version ${ruleSet.version}` }]);
  }
  return ruleSet;
}

/** Every year some table or the data names: the values conditions compare with differ by year. */
function yearsToPrepare(ruleSet: RuleSet, years: readonly number[]): number[] {
  const all = new Set<number>(years);
  for (const table of yearTables(ruleSet)) table.years.forEach((y) => all.add(y));
  // Without year tables every year resolves alike: one is enough.
  return all.size > 0 ? [...all].sort() : [2000];
}

export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
  /** The zod issue behind it, for saying it in another language. */
  readonly issue: Issue;
}

type Issue = z.core.$ZodIssue;

function flatten(issue: Issue, base: readonly PropertyKey[]): { path: PropertyKey[]; message: string; issue: Issue }[] {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path, message: issue.message, issue }];
  // A union says only "Invalid input". The branch the document nearly matched (fewest issues,
  // then the deepest) says what is wrong: a condition with a misspelled operator is a leaf
  // whose operator is unknown, not an `all` with stray keys.
  const branches = issue.errors.map((branch) => branch.flatMap((inner) => flatten(inner, path)));
  const depth = (problems: { path: PropertyKey[] }[]) => Math.max(...problems.map((p) => p.path.length));
  branches.sort((a, b) => a.length - b.length || depth(b) - depth(a));
  return branches[0]!;
}

/** zod issues as path/message pairs, with unions resolved to the branch that nearly matched. */
export function explainSchemaIssues(issues: readonly Issue[]): SchemaProblem[] {
  return issues.flatMap((issue) => flatten(issue, [])).map((p) => ({ path: p.path.map(String).join('.') || '(root)', message: p.message, issue: p.issue }));
}

/**
 * The version in force on an as-of date: the one with the latest `effectiveFrom` on or before
 * it; between versions effective the same day, the higher version number.
 */
export function selectVersionInForce<T extends Pick<RuleSet, 'id' | 'version' | 'effectiveFrom'>>(versions: readonly T[], asOf: string): T {
  let best: T | undefined;
  for (const candidate of versions) {
    if (candidate.effectiveFrom > asOf) continue;
    if (
      !best ||
      candidate.effectiveFrom > best.effectiveFrom ||
      (candidate.effectiveFrom === best.effectiveFrom && candidate.version > best.version)
    ) {
      best = candidate;
    }
  }
  if (!best) throw new RuleSetNotFoundError(versions[0]?.id ?? 'unknown', `no version is in force on ${asOf}`);
  return best;
}
