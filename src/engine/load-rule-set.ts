import { checkConditionTypes } from './check-condition-types.js';
import { checkRuleSet, type CatalogueView } from './check-rule-set.js';
import { RuleSetInvalidError } from './errors.js';
import { explainSchemaIssues } from './explain-schema-issues.js';
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
  if (!catalogue) throw new RuleSetInvalidError(id, [{ path: 'id', message: `no standard is called ${parsed.data.id}` }]);
  const problems = checkRuleSet(parsed.data, catalogue, years);
  if (problems.length > 0) throw new RuleSetInvalidError(id, problems);
  for (const year of yearsToPrepare(parsed.data, years)) {
    const typeProblems = checkConditionTypes(prepareRuleSet(parsed.data, year));
    if (typeProblems.length > 0) throw new RuleSetInvalidError(id, typeProblems.map((p) => ({ ...p, message: `${p.message} (year ${year})` })));
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
