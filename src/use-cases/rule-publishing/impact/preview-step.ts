import { TuopinError } from '../../../kernel/errors.js';
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

const counted = (what: string, c: ImpactCount) => `${c.changed} of ${c.judged} ${what}`;

/** One line: how much changes, or that nothing does. */
export function previewSummary(preview: ImpactPreview): string {
  const { totals } = preview;
  const against = `${preview.quarter}, v${preview.toVersion} against v${preview.fromVersion} (in force on ${preview.asOf})`;
  if (preview.counties.length === 0) return `${against}: the store holds no county to judge`;
  if (!preview.changesOutcomes) return `${against}: no outcome changes`;
  return `${against}: ${counted('households', totals.households)}, ${counted('villages', totals.villages)}, ${counted('counties', totals.counties)}, ${counted('units', totals.units)} change outcome`;
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
    return { step: gateStep('preview', `no published version of ${draft.id} is in force on ${asOf}: nothing to compare with`), preview: null };
  }
  let before: ScoringContext;
  let after: ScoringContext;
  try {
    before = createScoringContext(companionRuleSets(published, reviewed, asOf), quarter, evaluator);
    after = createScoringContext(companionRuleSets(published, reviewed, asOf, draft), quarter, evaluator);
  } catch (error) {
    if (!(error instanceof TuopinError)) throw error;
    return { step: gateStep('preview', `${quarter} cannot be judged`, [{ message: `${error.code}: ${error.message}` }]), preview: null };
  }
  const preview = await previewImpact(stores, before, after, { ruleSetId: draft.id, asOf, draftInForce: inForceOnce(draft, published, asOf) }, request.examplesPerCounty, request.onProgress);
  const problems = preview.failures.map((f) => ({ path: f.subject, message: `the draft cannot judge it (the version in force can): ${f.error}` }));
  return { step: gateStep('preview', previewSummary(preview), problems), preview };
}
