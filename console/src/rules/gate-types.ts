/**
 * The answer of `POST /rule-sets/{ruleSetId}/validations` as the console reads it. The route's
 * 200 body is an open object in docs/openapi.json; these mirror the gate's report
 * (src/use-cases/rule-publishing/gate-report.ts) and impact preview (impact/outcome-changes.ts).
 */

export interface GateProblem {
  readonly message: string;
  /** The message in zh and en, where the gate has it in both (validations answer it; stored reports may not). */
  readonly text?: { readonly zh: string; readonly en: string };
  readonly path?: string;
  readonly fact?: string;
  readonly case?: string;
}

export interface GateStep {
  readonly step: 'schema' | 'version' | 'static' | 'cases' | 'preview';
  readonly ok: boolean;
  readonly summary: string;
  readonly summaryText?: { readonly zh: string; readonly en: string };
  readonly problems: readonly GateProblem[];
}

export interface ItemChange {
  readonly id: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface OutcomeChange {
  readonly subjectType: 'household' | 'village' | 'county' | 'township' | 'assisting-unit';
  readonly subjectId: string;
  readonly ruleSetId: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly items: readonly ItemChange[];
  /** Where the subject lies, when the preview says (households and villages). */
  readonly villageId?: string;
  readonly townshipId?: string;
}

export interface ImpactCount {
  readonly judged: number;
  readonly changed: number;
}

export interface CountyImpact {
  readonly countyId: string;
  readonly households: ImpactCount;
  readonly villages: ImpactCount;
  readonly county: ImpactCount;
  readonly units: ImpactCount;
  readonly examples: readonly OutcomeChange[];
}

export interface ImpactPreview {
  readonly ruleSetId: string;
  readonly quarter: string;
  readonly asOf: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly draftInForce: boolean;
  readonly totals: { readonly households: ImpactCount; readonly villages: ImpactCount; readonly counties: ImpactCount; readonly units: ImpactCount };
  readonly counties: readonly CountyImpact[];
  readonly failures: readonly { subject: string; error: string }[];
  readonly skipped: readonly { subject: string; error: string }[];
  readonly changesOutcomes: boolean;
}

export interface GateReport {
  readonly ruleSetId: string | null;
  readonly version: number | null;
  readonly ok: boolean;
  readonly steps: readonly GateStep[];
  readonly preview: ImpactPreview | null;
}

export interface CaseResult {
  readonly name: string;
  readonly passed: boolean;
  readonly differences: readonly string[];
}

export interface Validation {
  readonly report: GateReport;
  readonly cases: readonly CaseResult[];
}

/** Every problem of the report, with its step, in the order the gate found them. */
export const problemsOf = (report: GateReport): { step: GateStep['step']; problem: GateProblem }[] =>
  report.steps.flatMap((step) => step.problems.map((problem) => ({ step: step.step, problem })));
