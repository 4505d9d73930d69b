import { z } from 'zod';
import { EvaluationRequestSchema, MAX_SUBJECT_ID_LENGTH, ReEvaluationRequestSchema, subjectIdTooLong } from '../../src/use-cases/evaluation-requests.js';
import { PublishRequestSchema, RollbackRequestSchema, ValidationRequestSchema } from '../../src/use-cases/rule-publishing/rule-set-admin.js';

const IdSchema = z.string().regex(/\S/, { error: 'expected a non-blank id' }).max(MAX_SUBJECT_ID_LENGTH, subjectIdTooLong);

/** One route of the API: what the deployed API, the local server and docs/openapi.json all read. */
export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** The API Gateway resource path, with `{name}` for path parameters. */
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly params?: z.ZodType;
  /** The route honours an `Idempotency-Key` header: a retry with the same key replays the response. */
  readonly idempotencyKey?: boolean;
  /** A rule-set administration route: invoked by policy staff under their own IAM policy, never by evaluation callers. */
  readonly admin?: boolean;
}

const RuleSetPath = z.strictObject({ ruleSetId: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a rule-set id like household-exit' }) });

/** The routes, keyed by the file in functions/ that handles each. */
export const ROUTES = {
  'post-evaluation': {
    method: 'POST',
    path: '/evaluations',
    summary: 'Judge an inline household, or a stored household, village or county, by one standard',
    body: EvaluationRequestSchema,
  },
  'post-village-re-evaluation': {
    method: 'POST',
    path: '/villages/{villageId}/re-evaluations',
    summary: "Re-score one village and its county's roll-up now",
    params: z.strictObject({ villageId: IdSchema }),
    body: ReEvaluationRequestSchema,
    idempotencyKey: true,
  },
  'get-verdicts': {
    method: 'GET',
    path: '/verdicts/{subjectType}/{subjectId}',
    summary: 'The latest verdicts of a subject, with their explanations',
    params: z.strictObject({ subjectType: z.enum(['household', 'village', 'county']), subjectId: IdSchema }),
  },
  'get-rule-sets': {
    method: 'GET',
    path: '/rule-sets',
    summary: "Every standard's published versions and the one in force today",
    admin: true,
  },
  'get-rule-set-versions': {
    method: 'GET',
    path: '/rule-sets/{ruleSetId}/versions',
    summary: "A rule set's history: every version with author, note, time, content hash and content",
    params: RuleSetPath,
    admin: true,
  },
  'post-rule-set-validation': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/validations',
    summary: 'Run the publish gate on a draft (schema, static checks, scenario cases, impact preview) without publishing',
    params: RuleSetPath,
    body: ValidationRequestSchema,
    admin: true,
  },
  'post-rule-set-version': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/versions',
    summary: 'Publish a draft through the gate; a draft that changes outcomes needs acceptImpact',
    params: RuleSetPath,
    body: PublishRequestSchema,
    admin: true,
  },
  'post-rule-set-rollback': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/rollbacks',
    summary: "Publish an earlier version's content as the next version",
    params: RuleSetPath,
    body: RollbackRequestSchema,
    admin: true,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
