import { z } from 'zod';
import { EVALUATORS } from '../../engine/evaluators.js';
import { QuarterSchema } from '../../kernel/quarter-schema.js';
import { assertWithinLimits } from '../../engine/rule-set-limits.js';
import { safeParseRuleSet, type RuleSet } from '../../engine/rule-set-schema.js';
import { selectVersionInForce } from '../../engine/load-rule-set.js';
import type { PublishedRuleSet, Stores } from '../../ports/stores.js';
import { STANDARD_IDS } from '../../standards/standard-ids.js';
import { bilingualReport } from './gate-report.js';
import { runPublishGate, type GateInput } from './run-publish-gate.js';
import type { PublishOutcome } from './publish-rule-set.js';
import { publishInOneStep } from '../rule-drafts/self-publish.js';
import { findStoredRuns } from './stored-runs.js';
import { AuthorUnknownError, RuleSetPathMismatchError } from './publishing-errors.js';

/** The most changed subjects a validation lists per county: enough for a county's flips, small enough for one response. */
export const MAX_EXAMPLES_PER_COUNTY = 2000;

const Text = z.string().regex(/\S/, { error: 'expected a non-blank text' });

/** `POST /rule-sets/{ruleSetId}/validations`: the gate without publishing. */
export const ValidationRequestSchema = z.strictObject({
  ruleSet: z.record(z.string(), z.unknown()),
  cases: z.record(z.string(), z.unknown()).optional(),
  years: z.array(z.number().int()).optional(),
  quarter: QuarterSchema.optional(),
  /** How many changed subjects the impact preview lists per county (5 by default): the console asks for all it can show. */
  examples: z.number().int().min(0).max(MAX_EXAMPLES_PER_COUNTY).optional(),
});

/**
 * `POST /rule-sets/{ruleSetId}/versions`: publish through the gate. There is no `author`: the
 * author recorded is the authenticated caller, never a claim of the body.
 */
export const PublishRequestSchema = z.strictObject({
  ruleSet: z.record(z.string(), z.unknown()),
  cases: z.record(z.string(), z.unknown()).optional(),
  note: Text,
  acceptImpact: z.boolean().default(false),
  quarter: QuarterSchema.optional(),
});

/** `POST /rule-sets/{ruleSetId}/rollbacks`: publish version `to`'s content as the next version. */
export const RollbackRequestSchema = z.strictObject({
  to: z.number().int().positive(),
  /** Version `to`'s scenario cases, when they were not stored with it (the first publication stores none). */
  cases: z.record(z.string(), z.unknown()).optional(),
  note: Text,
  acceptImpact: z.boolean().default(false),
  quarter: QuarterSchema.optional(),
});

/** The author of a publication: the authenticated caller (on AWS the IAM principal's ARN). */
export function authorOf(caller: string | null): string {
  if (caller === null || caller.trim() === '') throw new AuthorUnknownError();
  return caller;
}

/**
 * What the gate is told in the API: the store's published versions stand beside the draft (the
 * API has no reviewed files: a standard must have been published once, as every run does on
 * first use), and the years judged are those of the store's runs plus the requested ones.
 */
export async function gateSetting(stores: Stores, draft: unknown, years: readonly number[], quarter: string | undefined) {
  const published = (await Promise.all(STANDARD_IDS.map((id) => stores.ruleSets.listVersions(id)))).flat().map((e) => e.ruleSet);
  const parsed = safeParseRuleSet(draft);
  const runs = await findStoredRuns(stores.runs, [...published, ...(parsed.success ? [parsed.data] : [])]);
  return { reviewed: [] as RuleSet[], years: [...new Set([...runs.years, ...years])].sort((a, b) => a - b), quarter, evaluator: EVALUATORS.compiled };
}

function assertSameId(pathId: string, document: Record<string, unknown>): void {
  if (document.id !== pathId) throw new RuleSetPathMismatchError(pathId, document.id);
}

/** A draft or cases beyond the nesting or size limits is a bad request (400), refused before anything walks or stores it. */
function assertDraftWithinLimits(request: { ruleSet?: unknown; cases?: unknown }): void {
  if (request.ruleSet !== undefined) assertWithinLimits(request.ruleSet, 'rule set');
  if (request.cases !== undefined) assertWithinLimits(request.cases, 'cases');
}

/** Each standard's versions, and the one in force on `today`. */
export async function listRuleSets(stores: Stores, today: string) {
  const ids = await stores.ruleSets.listIds();
  return Promise.all(
    ids.map(async (id) => {
      const versions = await stores.ruleSets.listVersions(id);
      const inForce = versions.some((v) => v.ruleSet.effectiveFrom <= today) ? selectVersionInForce(versions.map((v) => v.ruleSet), today).version : null;
      return { id, inForce, versions: versions.map((v) => ({ version: v.ruleSet.version, effectiveFrom: v.ruleSet.effectiveFrom })) };
    }),
  );
}

/** A published version's provenance: when it takes effect, who published it and why, and its content's hash. */
export function versionProvenance(v: PublishedRuleSet) {
  return {
    version: v.ruleSet.version,
    effectiveFrom: v.ruleSet.effectiveFrom,
    changeNote: v.ruleSet.changeNote,
    author: v.author,
    note: v.note,
    publishedAt: v.publishedAt,
    contentHash: v.contentHash,
  };
}

/** A rule set's history: every version with its provenance and content. */
export async function ruleSetHistory(stores: Stores, id: string) {
  return (await stores.ruleSets.listVersions(id)).map((v) => ({ ...versionProvenance(v), ruleSet: v.ruleSet }));
}

/** The gate's report on a draft, nothing published. */
export async function validateRuleSetDraft(stores: Stores, pathId: string, request: z.output<typeof ValidationRequestSchema>) {
  assertDraftWithinLimits(request);
  assertSameId(pathId, request.ruleSet);
  const input: GateInput = {
    document: request.ruleSet,
    cases: request.cases ?? null,
    ...(await gateSetting(stores, request.ruleSet, request.years ?? [], request.quarter)),
    ...(request.examples === undefined ? {} : { examplesPerCounty: request.examples }),
  };
  const gate = await runPublishGate(stores, input);
  return { report: bilingualReport(gate.report), cases: gate.caseResults.map((r) => ({ name: r.name, passed: r.passed, differences: r.differences })) };
}

/**
 * The one-step publication of a draft through the gate, by `caller` (the authenticated
 * principal): only where the deployment allows self-approval, as a draft created, submitted and
 * approved by the caller, recorded as self-approved; refused elsewhere (`ONE_STEP_PUBLISH_REFUSED`).
 */
export async function publishRuleSetDraft(stores: Stores, pathId: string, request: z.output<typeof PublishRequestSchema>, caller: string | null, now: Date): Promise<PublishOutcome> {
  assertDraftWithinLimits(request);
  const author = authorOf(caller);
  assertSameId(pathId, request.ruleSet);
  const actor = { stores, by: author, now, settingFor: (document: unknown) => gateSetting(stores, document, [], request.quarter) };
  return publishInOneStep(actor, { kind: 'publish', document: request.ruleSet, cases: request.cases ?? null, note: request.note, acceptImpact: request.acceptImpact });
}

/** Rolls a rule set back to a version's content, as a new version by `caller`, in one step: like `publishRuleSetDraft`, only where self-approval is allowed. */
export async function rollBackRuleSet(stores: Stores, pathId: string, request: z.output<typeof RollbackRequestSchema>, caller: string | null, now: Date): Promise<PublishOutcome> {
  assertDraftWithinLimits(request);
  const author = authorOf(caller);
  const actor = { stores, by: author, now, settingFor: (document: unknown) => gateSetting(stores, document, [], request.quarter) };
  return publishInOneStep(actor, { kind: 'rollback', ruleSetId: pathId, to: request.to, cases: request.cases, note: request.note, acceptImpact: request.acceptImpact });
}
