import type { ItemEvaluator } from '../../engine/evaluators.js';
import { parseQuarter } from '../../kernel/quarter.js';
import { QuarterSchema } from '../../kernel/quarter-schema.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { RuleSetStore } from '../../ports/stores.js';
import type { RunStore } from '../../ports/run-store.js';
import { STANDARD_IDS } from '../../standards/standard-ids.js';
import type { ScenarioResult } from '../scenarios/run-scenario-cases.js';
import type { ScenarioFile } from '../scenarios/scenario-cases.js';
import { createScoringContext } from '../scoring-context.js';
import { checkDraftSchema, checkDraftStatically, checkNextVersion } from './check-draft.js';
import { companionRuleSets } from './companion-rule-sets.js';
import { gateProblem, gateStep, type GateReport, type GateStep } from './gate-report.js';
import { previewStep } from './impact/preview-step.js';
import type { PreviewStores } from './impact/preview-impact.js';
import { runDraftCases } from './run-draft-cases.js';
import { findStoredRuns } from './stored-runs.js';

/** What the gate reads: the published versions, the runs, the records to preview on, the card history. */
export interface GateStores extends PreviewStores {
  readonly ruleSets: RuleSetStore;
  readonly runs: RunStore;
}

export interface GateInput {
  /** The draft as read from a file or a request, not yet parsed. */
  readonly document: unknown;
  /** The scenario cases that travel with the draft (a cases document), or null. */
  readonly cases: unknown;
  /**
   * Assessment years the draft will judge (the years of the runs in the store, and any the
   * caller adds); the draft's `effectiveFrom` year and the preview's year are added here.
   */
  readonly years: readonly number[];
  /** The quarter of the preview, like `2018Q3`; by default the quarter of the latest run in the store, else the draft's `effectiveFrom` year, Q4. */
  readonly quarter?: string | undefined;
  readonly evaluator: ItemEvaluator;
  /** The repository's reviewed versions, standing in for standards the store holds none of. */
  readonly reviewed?: readonly RuleSet[];
  /** Refuse a draft that is not the next version (publishing); `validate`, `test` and `diff` do not. */
  readonly requireNextVersion?: boolean;
  /** Steps c and d run unless turned off (`validate` runs neither, `diff` no cases). */
  readonly runCases?: boolean;
  readonly runPreview?: boolean;
  readonly examplesPerCounty?: number;
  /** Counties judged by the impact preview of the store's counties, after each one. */
  readonly onPreviewProgress?: (countiesDone: number, countiesTotal: number) => void;
}

/** The gate's report, and what a publication needs from it. */
export interface GateOutcome {
  readonly report: GateReport;
  /** The parsed draft, when it passed the schema. */
  readonly ruleSet: RuleSet | null;
  readonly cases: ScenarioFile | null;
  readonly caseResults: readonly ScenarioResult[];
}

/** The preview's quarter: as asked, else the quarter of the latest run in the store, else the draft's `effectiveFrom` year, Q4. */
export async function previewQuarter(runs: RunStore, published: readonly RuleSet[], draft: RuleSet, quarter: string | undefined): Promise<string> {
  if (quarter !== undefined) return quarter;
  const stored = await findStoredRuns(runs, [...published, draft]);
  return stored.latestQuarter ?? `${draft.effectiveFrom.slice(0, 4)}Q4`;
}

/**
 * The publish gate: a → schema, (version), b → static checks, c → the draft's scenario cases,
 * d → impact preview; a failing step stops the later ones. Reads the stores, writes nothing:
 * `publishRuleSet` publishes what passes.
 */
export async function runPublishGate(stores: GateStores, input: GateInput): Promise<GateOutcome> {
  const steps: GateStep[] = [];
  const schema = checkDraftSchema(input.document);
  steps.push(schema.step);
  const draft = schema.ruleSet;
  const done = (extra: Partial<GateOutcome> = {}): GateOutcome => ({
    report: { ruleSetId: draft?.id ?? null, version: draft?.version ?? null, ok: steps.every((s) => s.ok), steps, preview: null },
    ruleSet: draft,
    cases: null,
    caseResults: [],
    ...extra,
  });
  if (!draft) return done();
  if (input.quarter !== undefined && !QuarterSchema.safeParse(input.quarter).success) {
    steps.push(gateStep('preview', { key: 'gateSummary.noQuarter' }, [gateProblem({ key: 'gateProblem.quarter', params: { got: JSON.stringify(input.quarter) } }, { path: 'quarter' })]));
    return done();
  }

  const published = (await Promise.all(STANDARD_IDS.map((id) => stores.ruleSets.listVersions(id)))).flat().map((entry) => entry.ruleSet);
  if (input.requireNextVersion) {
    steps.push(checkNextVersion(draft, published));
    if (!steps.at(-1)!.ok) return done();
  }

  // The preview judges its quarter's year with the draft: that year is checked like the others.
  const quarter = input.runPreview === false ? null : await previewQuarter(stores.runs, published, draft, input.quarter);
  const years = [...input.years, Number(draft.effectiveFrom.slice(0, 4)), ...(quarter === null ? [] : [parseQuarter(quarter).year])];
  steps.push(checkDraftStatically(input.document, draft, years));
  if (!steps.at(-1)!.ok) return done();

  const reviewed = input.reviewed ?? [];
  let cases: ScenarioFile | null = null;
  let caseResults: readonly ScenarioResult[] = [];
  if (input.runCases !== false) {
    const contextForYear = (year: number) => createScoringContext(companionRuleSets(published, reviewed, `${year}-12-31`, draft), `${year}Q4`, input.evaluator);
    const ran = await runDraftCases(draft, input.cases, contextForYear);
    steps.push(ran.step);
    cases = ran.cases;
    caseResults = ran.results;
    if (!ran.step.ok) return done({ cases, caseResults });
  }

  if (quarter === null) return done({ cases, caseResults });
  const previewed = await previewStep(stores, { draft, published, reviewed, quarter, evaluator: input.evaluator, examplesPerCounty: input.examplesPerCounty ?? 5, onProgress: input.onPreviewProgress });
  steps.push(previewed.step);
  const outcome = done({ cases, caseResults });
  return { ...outcome, report: { ...outcome.report, preview: previewed.preview } };
}
