import { z } from 'zod';
import { EvaluationRequestSchema, MAX_SUBJECT_ID_LENGTH, ReEvaluationRequestSchema, subjectIdTooLong } from '../../src/use-cases/evaluation-requests.js';
import { PublishRequestSchema, RollbackRequestSchema, ValidationRequestSchema } from '../../src/use-cases/rule-publishing/rule-set-admin.js';
import { QuarterSchema } from '../../src/engine/quarter.js';
import { OTHER_RESPONSES, READ_RESPONSES } from './response-schemas.js';

const IdSchema = z.string().regex(/\S/, { error: 'expected a non-blank id' }).max(MAX_SUBJECT_ID_LENGTH, subjectIdTooLong);

/** One route of the API: what the deployed API, the local server and docs/openapi.json all read. */
export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** The API Gateway resource path, with `{name}` for path parameters. */
  readonly path: string;
  readonly summary: string;
  readonly body?: z.ZodType;
  readonly params?: z.ZodType;
  /** Query-string parameters (all strings on the wire). */
  readonly query?: z.ZodType;
  /** The 200 body, rendered into docs/openapi.json. */
  readonly response: z.ZodType;
  /** The route honours an `Idempotency-Key` header: a retry with the same key replays the response. */
  readonly idempotencyKey?: boolean;
  /** A rule-set administration route: invoked by policy staff under their own IAM policy, never by evaluation callers. */
  readonly admin?: boolean;
  /** A read route of the console: viewers may call it too (evaluation callers and policy staff may call every non-admin route). */
  readonly read?: boolean;
  /** The 200 body is a file of this media type (base64-encoded through API Gateway), not JSON. */
  readonly binary?: string;
}

const Quarter = z.strictObject({ quarter: QuarterSchema });

const RuleSetPath = z.strictObject({ ruleSetId: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a rule-set id like household-exit' }) });

/** The routes, keyed by the file in functions/ that handles each. */
export const ROUTES = {
  'post-evaluation': {
    method: 'POST',
    path: '/evaluations',
    summary: 'Judge an inline household, or a stored household, village or county, by one standard',
    body: EvaluationRequestSchema,
    response: OTHER_RESPONSES['post-evaluation'],
  },
  'post-village-re-evaluation': {
    method: 'POST',
    path: '/villages/{villageId}/re-evaluations',
    summary: "Re-score one village and its county's roll-up now",
    params: z.strictObject({ villageId: IdSchema }),
    body: ReEvaluationRequestSchema,
    idempotencyKey: true,
    response: OTHER_RESPONSES['post-village-re-evaluation'],
  },
  'get-verdicts': {
    method: 'GET',
    path: '/verdicts/{subjectType}/{subjectId}',
    summary: 'The latest verdicts of a subject, with their explanations',
    params: z.strictObject({ subjectType: z.enum(['household', 'village', 'county']), subjectId: IdSchema }),
    response: OTHER_RESPONSES['get-verdicts'],
    read: true,
  },
  'get-rule-sets': {
    method: 'GET',
    path: '/rule-sets',
    summary: "Every standard's published versions and the one in force today",
    admin: true,
    response: OTHER_RESPONSES['get-rule-sets'],
  },
  'get-rule-set-versions': {
    method: 'GET',
    path: '/rule-sets/{ruleSetId}/versions',
    summary: "A rule set's history: every version with author, note, time, content hash and content",
    params: RuleSetPath,
    admin: true,
    response: OTHER_RESPONSES['get-rule-set-versions'],
  },
  'post-rule-set-validation': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/validations',
    summary: 'Run the publish gate on a draft (schema, static checks, scenario cases, impact preview) without publishing',
    params: RuleSetPath,
    body: ValidationRequestSchema,
    admin: true,
    response: OTHER_RESPONSES['post-rule-set-validation'],
  },
  'post-rule-set-version': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/versions',
    summary: 'Publish a draft through the gate; a draft that changes outcomes needs acceptImpact',
    params: RuleSetPath,
    body: PublishRequestSchema,
    admin: true,
    response: OTHER_RESPONSES['post-rule-set-version'],
  },
  'post-rule-set-rollback': {
    method: 'POST',
    path: '/rule-sets/{ruleSetId}/rollbacks',
    summary: "Publish an earlier version's content as the next version",
    params: RuleSetPath,
    body: RollbackRequestSchema,
    admin: true,
    response: OTHER_RESPONSES['post-rule-set-rollback'],
  },
  'get-runs': {
    method: 'GET',
    path: '/runs',
    summary: "A quarter's nightly runs, the latest first: status, timings, rule-set versions, writes and failed villages",
    query: Quarter,
    response: READ_RESPONSES['get-runs'],
    read: true,
  },
  'get-run': {
    method: 'GET',
    path: '/runs/{runId}',
    summary: 'One nightly run',
    params: z.strictObject({ runId: IdSchema }),
    response: READ_RESPONSES['get-run'],
    read: true,
  },
  'get-counties': {
    method: 'GET',
    path: '/counties',
    summary: 'Every stored county with its name',
    response: READ_RESPONSES['get-counties'],
    read: true,
  },
  'get-county-overview': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}',
    summary: "A county's quarter: outcomes per standard, every village's outcome and failing items, the county's own items and figures",
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-overview'],
    read: true,
  },
  'get-village-households': {
    method: 'GET',
    path: '/villages/{villageId}/households',
    summary: "A village's households with their verdicts and explanations for an assessment year",
    params: z.strictObject({ villageId: IdSchema }),
    query: z.strictObject({ year: z.string().regex(/^\d{4}$/, { error: 'expected a year like 2018' }).transform(Number) }),
    response: READ_RESPONSES['get-village-households'],
    read: true,
  },
  'get-county-accountability': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}/accountability',
    summary: "A county's quarter of accountability: units ranked by score with their indicators and cards, the interview and resignation lists",
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-accountability'],
    read: true,
  },
  'get-county-trends': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}/trends',
    summary: "A county's outcomes per standard and deprivation measures in each of the 12 quarters up to this one that have a run",
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-trends'],
    read: true,
  },
  'get-county-report': {
    method: 'GET',
    path: '/counties/{countyId}/quarters/{quarter}/report.xlsx',
    summary: "A county's report.xlsx of the quarter (Chinese sheets: villages, failing households, identification, return risk, scores, cards, lists), as tuopin export writes it",
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-report'],
    binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    read: true,
  },
  'get-unit-cards': {
    method: 'GET',
    path: '/units/{unitType}/{unitId}/cards',
    summary: "A township's or assisting unit's cards across quarters",
    params: z.strictObject({ unitType: z.enum(['township', 'assisting-unit']), unitId: IdSchema }),
    response: READ_RESPONSES['get-unit-cards'],
    read: true,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
