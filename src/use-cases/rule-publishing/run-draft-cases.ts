import type { Text } from '../../i18n/messages.js';
import { explainSchemaIssues } from '../../engine/load-rule-set.js';
import { documentLimitProblem, limitMessage } from '../../engine/rule-set-limits.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import { runScenarioCases, type ScenarioResult } from '../scenarios/run-scenario-cases.js';
import { ScenarioFileSchema, type ScenarioFile } from '../scenarios/scenario-cases.js';
import type { ScoringContext } from '../scoring-context.js';
import { gateProblem, gateStep, type GateStep } from './gate-report.js';

export interface DraftCasesResult {
  readonly step: GateStep;
  /** The cases as parsed, to store with the version (null when none travel with it, or when unusable). */
  readonly cases: ScenarioFile | null;
  readonly results: readonly ScenarioResult[];
}

/** A case's differences as one text, in the order found: `a; b; c` (`a；b；c` in Chinese). */
function oneAfterAnother([first, ...rest]: readonly Text[]): Text {
  if (first === undefined) return { key: 'caseDiff.none' };
  return rest.length === 0 ? first : { key: 'caseDiff.then', params: { first, rest: oneAfterAnother(rest) } };
}

const refused = (summary: Text, problems: GateStep['problems']): DraftCasesResult => ({ step: gateStep('cases', summary, problems), cases: null, results: [] });

/**
 * Step c of the publish gate: the draft's own scenario cases, which travel with it, all pass
 * when the draft judges them (`contextForYear` binds the draft in place of the version in
 * force). A household, village or county standard without cases is refused, and so are cases
 * of another rule set or version, or cases that all expect the same outcome. An accountability
 * draft runs its cases when they travel with it; without them the report says there are none,
 * as before accountability had cases, so a county's new ladder needs no cases to be published.
 */
export async function runDraftCases(draft: RuleSet, document: unknown, contextForYear: (year: number) => ScoringContext): Promise<DraftCasesResult> {
  const none = document === null || document === undefined;
  if (none && draft.subjectType === 'unit') {
    return { step: gateStep('cases', { key: 'gateSummary.noCasesRollUp', params: { id: draft.id } }), cases: null, results: [] };
  }
  if (none) {
    return refused({ key: 'gateSummary.noCases' }, [gateProblem({ key: 'gateProblem.needsCases', params: { id: draft.id, version: draft.version } })]);
  }
  // The cases are stored with the version, in the same DynamoDB item: measured before anything reads them.
  const tooBig = documentLimitProblem(document, 'cases');
  if (tooBig) return refused({ key: 'gateSummary.casesTooBig' }, [{ path: '(root)', message: limitMessage(tooBig) }]);
  const parsed = ScenarioFileSchema.safeParse(document);
  if (!parsed.success) {
    return refused({ key: 'gateSummary.casesSchema' }, explainSchemaIssues(parsed.error.issues).map((p) => ({ path: p.path, message: p.message })));
  }
  const file = parsed.data;
  if (file.ruleSetId !== draft.id || file.version !== draft.version) {
    return refused({ key: 'gateSummary.casesOther' }, [
      gateProblem({ key: 'gateProblem.casesFor', params: { casesId: file.ruleSetId, casesVersion: file.version, id: draft.id, version: draft.version } }, { path: 'ruleSetId' }),
    ]);
  }
  if (new Set(file.cases.map((c) => c.expected.outcome)).size < 2) {
    return refused({ key: 'gateSummary.casesOneOutcome' }, [gateProblem({ key: 'gateProblem.oneOutcome' }, { path: 'cases' })]);
  }
  const results = await runScenarioCases(file, contextForYear);
  const failing = results.filter((r) => !r.passed);
  const step = gateStep(
    'cases',
    { key: 'gateSummary.casesPass', params: { passed: results.length - failing.length, total: results.length } },
    failing.map((r) => gateProblem(oneAfterAnother(r.differenceTexts), { case: r.name })),
  );
  return { step, cases: file, results };
}
