import type { paths } from '../api/schema.js';

/**
 * The publish gate's report as the console reads it, taken from the generated API schema
 * (`npm run console:types`, from docs/openapi.json, from the zod response schemas in
 * functions/_shared/draft-response-schemas.ts): a change to the API's report changes these
 * types, and the pages that read a field the API no longer sends stop compiling.
 */

/** The 200 body of a documented POST route. */
export type PostOk<P extends keyof paths> = paths[P] extends { post: { responses: { 200: { content: { 'application/json': infer B } } } } } ? B : never;
/** The 200 body of a documented GET route, as `Ok` of api/client.ts, without the client's browser imports (node tests read these types). */
export type GetOk<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer B } } } } } ? B : never;

/** `POST /rule-sets/{ruleSetId}/validations`: the report (its texts in zh and en) and each case's result. */
export type Validation = PostOk<'/rule-sets/{ruleSetId}/validations'>;
export type GateReport = Validation['report'];
export type GateStep = GateReport['steps'][number];
/** A problem; `text` is its message in zh and en where the gate has both (validations answer it; stored reports may not). */
export type GateProblem = GateStep['problems'][number];
export type CaseResult = Validation['cases'][number];

export type ImpactPreview = NonNullable<GateReport['preview']>;
export type ImpactCount = ImpactPreview['totals']['households'];
export type CountyImpact = ImpactPreview['counties'][number];
/** One subject whose outcome changes; `villageId` and `townshipId` say where a household or village lies. */
export type OutcomeChange = CountyImpact['examples'][number];
export type ItemChange = OutcomeChange['items'][number];

/** Every problem of the report, with its step, in the order the gate found them. */
export const problemsOf = (report: GateReport): { step: GateStep['step']; problem: GateProblem }[] =>
  report.steps.flatMap((step) => step.problems.map((problem) => ({ step: step.step, problem })));
