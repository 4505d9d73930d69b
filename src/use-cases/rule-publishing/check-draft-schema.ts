import { explainSchemaIssues } from '../../engine/explain-schema-issues.js';
import { safeParseRuleSet, type RuleSet } from '../../engine/rule-set-schema.js';
import { gateStep, type GateProblem, type GateStep } from './gate-report.js';

const LANGUAGES: Readonly<Record<string, string>> = { zh: 'Chinese (zh)', en: 'English (en)' };

/** zod says "expected string, received undefined" of a missing text; say which language is missing. */
function clearer(problem: GateProblem): GateProblem {
  const language = LANGUAGES[problem.path?.split('.').at(-1) ?? ''];
  if (language && /received undefined/.test(problem.message)) return { ...problem, message: `a ${language} text is required: every label is written in zh and en` };
  return problem;
}

/**
 * Step a of the publish gate: the draft against the rule-set schema (zod), every problem named
 * by its JSON path (`items.2.conditions.all.0.operator`). Unknown operators, missing zh/en
 * labels and malformed year tables are refused here. Returns the parsed rule set when it passes.
 */
export function checkDraftSchema(document: unknown): { step: GateStep; ruleSet: RuleSet | null } {
  const parsed = safeParseRuleSet(document);
  if (parsed.success) {
    return { step: gateStep('schema', `${parsed.data.id} v${parsed.data.version} satisfies the rule-set schema`), ruleSet: parsed.data };
  }
  const problems = explainSchemaIssues(parsed.error.issues).map(clearer);
  return { step: gateStep('schema', `the draft does not satisfy the rule-set schema (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems), ruleSet: null };
}
