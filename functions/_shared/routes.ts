import { z } from 'zod';
import { EvaluationRequestSchema, MAX_SUBJECT_ID_LENGTH, ReEvaluationRequestSchema, subjectIdTooLong } from '../../src/use-cases/evaluation/evaluation-requests.js';
import { PublishRequestSchema, RollbackRequestSchema, ValidationRequestSchema } from '../../src/use-cases/rule-publishing/rule-set-admin.js';
import { QuarterSchema } from '../../src/kernel/quarter.js';
import { OTHER_RESPONSES, READ_RESPONSES } from './response-schemas.js';
import { ROUTE_TABLE, type RouteEntry, type RouteName } from './route-table.js';

const IdSchema = z.string().regex(/\S/, { error: 'expected a non-blank id' }).max(MAX_SUBJECT_ID_LENGTH, subjectIdTooLong);

/**
 * One route of the API with its schemas: a route-table entry (route-table.ts, the data infra
 * reads) plus what the local server, the handlers and docs/openapi.json parse and render.
 */
export interface RouteSpec extends RouteEntry {
  readonly body?: z.ZodType;
  readonly params?: z.ZodType;
  /** Query-string parameters (all strings on the wire). */
  readonly query?: z.ZodType;
  /** The 200 body, rendered into docs/openapi.json. */
  readonly response: z.ZodType;
}

const Quarter = z.strictObject({ quarter: QuarterSchema });

const RuleSetPath = z.strictObject({ ruleSetId: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a rule-set id like household-exit' }) });

/** The routes of route-table.ts with their schemas, keyed by the file in functions/ that handles each. */
export const ROUTES = {
  'post-evaluation': {
    ...ROUTE_TABLE['post-evaluation'],
    body: EvaluationRequestSchema,
    response: OTHER_RESPONSES['post-evaluation'],
  },
  'post-village-re-evaluation': {
    ...ROUTE_TABLE['post-village-re-evaluation'],
    params: z.strictObject({ villageId: IdSchema }),
    body: ReEvaluationRequestSchema,
    response: OTHER_RESPONSES['post-village-re-evaluation'],
  },
  'get-verdicts': {
    ...ROUTE_TABLE['get-verdicts'],
    params: z.strictObject({ subjectType: z.enum(['household', 'village', 'county']), subjectId: IdSchema }),
    response: OTHER_RESPONSES['get-verdicts'],
  },
  'get-rule-sets': {
    ...ROUTE_TABLE['get-rule-sets'],
    response: OTHER_RESPONSES['get-rule-sets'],
  },
  'get-rule-set-versions': {
    ...ROUTE_TABLE['get-rule-set-versions'],
    params: RuleSetPath,
    response: OTHER_RESPONSES['get-rule-set-versions'],
  },
  'post-rule-set-validation': {
    ...ROUTE_TABLE['post-rule-set-validation'],
    params: RuleSetPath,
    body: ValidationRequestSchema,
    response: OTHER_RESPONSES['post-rule-set-validation'],
  },
  'post-rule-set-version': {
    ...ROUTE_TABLE['post-rule-set-version'],
    params: RuleSetPath,
    body: PublishRequestSchema,
    response: OTHER_RESPONSES['post-rule-set-version'],
  },
  'post-rule-set-rollback': {
    ...ROUTE_TABLE['post-rule-set-rollback'],
    params: RuleSetPath,
    body: RollbackRequestSchema,
    response: OTHER_RESPONSES['post-rule-set-rollback'],
  },
  'get-runs': {
    ...ROUTE_TABLE['get-runs'],
    query: Quarter,
    response: READ_RESPONSES['get-runs'],
  },
  'get-run': {
    ...ROUTE_TABLE['get-run'],
    params: z.strictObject({ runId: IdSchema }),
    response: READ_RESPONSES['get-run'],
  },
  'get-counties': {
    ...ROUTE_TABLE['get-counties'],
    response: READ_RESPONSES['get-counties'],
  },
  'get-county-overview': {
    ...ROUTE_TABLE['get-county-overview'],
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-overview'],
  },
  'get-village-households': {
    ...ROUTE_TABLE['get-village-households'],
    params: z.strictObject({ villageId: IdSchema }),
    query: z.strictObject({ year: z.string().regex(/^\d{4}$/, { error: 'expected a year like 2018' }).transform(Number) }),
    response: READ_RESPONSES['get-village-households'],
  },
  'get-county-accountability': {
    ...ROUTE_TABLE['get-county-accountability'],
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-accountability'],
  },
  'get-county-trends': {
    ...ROUTE_TABLE['get-county-trends'],
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-trends'],
  },
  'get-county-report': {
    ...ROUTE_TABLE['get-county-report'],
    params: z.strictObject({ countyId: IdSchema, quarter: QuarterSchema }),
    response: READ_RESPONSES['get-county-report'],
  },
  'get-unit-cards': {
    ...ROUTE_TABLE['get-unit-cards'],
    params: z.strictObject({ unitType: z.enum(['township', 'assisting-unit']), unitId: IdSchema }),
    response: READ_RESPONSES['get-unit-cards'],
  },
} as const satisfies Record<RouteName, RouteSpec>;

export type { RouteName };
