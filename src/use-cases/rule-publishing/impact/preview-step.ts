import { TuopinError } from '../../../kernel/errors.js';
import type { Text } from '../../../i18n/messages.js';
import type { ItemEvaluator } from '../../../engine/evaluators.js';
import type { RuleSet } from '../../../engine/rule-set-schema.js';
import { selectVersionInForce } from '../../../engine/load-rule-set.js';
import { createScoringContext, type ScoringContext } from '../../scoring-context.js';
import { companionRuleSets } from '../companion-rule-sets.js';
import { gateStep, type GateStep } from '../gate-report.js';
import type { ImpactCount, ImpactPreview } from './outcome-changes.js';
import { previewImpact, type PreviewStores } from './preview-impact.js';
import { lastDayOfQuarter } from '../../../kernel/quarter.js';

export interface PreviewRequest {
  readonly draft: RuleSet;
  /** Every published version of every standard. */
  readonly published: readonly RuleSet[];
  readonly reviewed: readonly RuleSet[];
  readonly quarter: string;
  readonly evaluator: ItemEvaluator;
  readonly examplesPerCounty: number;
  /** Counties judged of the store's counties, after each one (the CLI's progress line). */
  readonly onProgress?: ((countiesDone: number, countiesTotal: number) => void) | undefined;
}

const counted = (c: ImpactCount): Text => ({ key: 'gateSummary.counted', params: { changed: c.changed, judged: c.judged } });

/** One line: how much changes, or that nothing does. */
export function previewSummary(preview: ImpactPreview): Text {
  const { totals } = preview;
  const against: Text = { key: 'gateSummary.against', params: { quarter: preview.quarter, to: preview.toVersion, from: preview.fromVersion, asOf: preview.asOf } };
  if (preview.counties.length === 0) return { key: 'gateSummary.noCounty', params: { against } };
  if (!preview.changesOutcomes) return { key: 'gateSummary.noChange', params: { against } };
  const changes = { households: counted(totals.households), villages: counted(totals.villages), counties: counted(totals.counties), units: counted(totals.units) };
  return { key: 'gateSummary.changes', params: { against, ...changes } };
}

/** Whether the draft, once published, is the version in force on the day (or applies only later). */
function inForceOnce(draft: RuleSet, published: readonly RuleSet[], asOf: string): boolean {
  const candidates = [...published.filter((v) => v.id === draft.id && v.version !== draft.version), draft];
  try {
    return selectVersionInForce(candidates, asOf) === draft;
  } catch {
    return false;
  }
}

/**
 * Step d of the publish gate, around `previewImpact`: the contexts of the quarter with the
 * versions in force and with the draft in their place. With no published version of the
 * draft's standard in force that quarter there is nothing to compare, which the step says.
 * The step fails only when the draft cannot judge a subject that the version in force can.
 */
export async function previewStep(stores: PreviewStores, request: PreviewRequest): Promise<{ step: GateStep; preview: ImpactPreview | null }> {
  const { draft, published, reviewed, quarter, evaluator } = request;
  const asOf = lastDayOfQuarter(quarter);
  if (!published.some((v) => v.id === draft.id && v.effectiveFrom <= asOf)) {
    return { step: gateStep('preview', { key: 'gateSummary.nothingInForce', params: { id: draft.id, asOf } }), preview: null };
  }
  let before: ScoringContext;
  let after: ScoringContext;
  try {
    before = createScoringContext(companionRuleSets(published, reviewed, asOf), quarter, evaluator);
    after = createScoringContext(companionRuleSets(published, reviewed, asOf, draft), quarter, evaluator);
  } catch (error) {
    if (!(error instanceof TuopinError)) throw error;
    return { step: gateStep('preview', { key: 'gateSummary.cannotJudge', params: { quarter } }, [{ message: `${error.code}: ${error.message}` }]), preview: null };
  }
  const preview = await previewImpact(stores, before, after, { ruleSetId: draft.id, asOf, draftInForce: inForceOnce(draft, published, asOf) }, request.examplesPerCounty, request.onProgress);
  const problems = preview.failures.map((f) => ({ path: f.subject, message: `the draft cannot judge it (the version in force can): ${f.error}` }));
  return { step: gateStep('preview', previewSummary(preview), problems), preview };
}
