import { z } from 'zod';
import { EvaluationRequestSchema, MAX_SUBJECT_ID_LENGTH, ReEvaluationRequestSchema, subjectIdTooLong } from '../../src/use-cases/evaluation/evaluation-requests.js';
import { PublishRequestSchema, RollbackRequestSchema, ValidationRequestSchema } from '../../src/use-cases/rule-publishing/rule-set-admin.js';
import { QuarterSchema } from '../../src/kernel/quarter-schema.js';
import {
  CaseRunRequestSchema,
  ConfirmCasesRequestSchema,
  CreateDraftRequestSchema,
  DraftStepRequestSchema,
  RejectDraftRequestSchema,
  ReportPageQuerySchema,
  SaveDraftRequestSchema,
} from '../../src/use-cases/rule-drafts/draft-admin.js';
import { DRAFT_RESPONSES } from './draft-response-schemas.js';
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

const RuleSetId = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a rule-set id like household-exit' });
const RuleSetPath = z.strictObject({ ruleSetId: RuleSetId });
const DraftPath = z.strictObject({ ruleSetId: RuleSetId, draftId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'expected a draft id' }) });

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
  'get-rule-set-history': { ...ROUTE_TABLE['get-rule-set-history'], params: RuleSetPath, response: DRAFT_RESPONSES['get-rule-set-history'] },
  'get-rule-set-drafts': { ...ROUTE_TABLE['get-rule-set-drafts'], params: RuleSetPath, response: DRAFT_RESPONSES['get-rule-set-drafts'] },
  'post-rule-set-draft': { ...ROUTE_TABLE['post-rule-set-draft'], params: RuleSetPath, body: CreateDraftRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft'] },
  'get-rule-set-draft': { ...ROUTE_TABLE['get-rule-set-draft'], params: DraftPath, response: DRAFT_RESPONSES['get-rule-set-draft'] },
  'get-rule-set-draft-report': {
    ...ROUTE_TABLE['get-rule-set-draft-report'],
    params: DraftPath.extend({ reportKey: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, { error: 'expected a report key' }) }),
    query: ReportPageQuerySchema,
    response: DRAFT_RESPONSES['get-rule-set-draft-report'],
  },
  'post-rule-set-draft-save': { ...ROUTE_TABLE['post-rule-set-draft-save'], params: DraftPath, body: SaveDraftRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft-save'] },
  'post-rule-set-draft-case-run': { ...ROUTE_TABLE['post-rule-set-draft-case-run'], params: DraftPath, body: CaseRunRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft-case-run'] },
  'post-rule-set-draft-case-confirmation': { ...ROUTE_TABLE['post-rule-set-draft-case-confirmation'], params: DraftPath, body: ConfirmCasesRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft-case-confirmation'] },
  'post-rule-set-draft-submission': { ...ROUTE_TABLE['post-rule-set-draft-submission'], params: DraftPath, body: DraftStepRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft-submission'] },
  'post-rule-set-draft-approval': { ...ROUTE_TABLE['post-rule-set-draft-approval'], params: DraftPath, body: DraftStepRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft-approval'] },
  'post-rule-set-draft-rejection': { ...ROUTE_TABLE['post-rule-set-draft-rejection'], params: DraftPath, body: RejectDraftRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft-rejection'] },
  'post-rule-set-draft-withdrawal': { ...ROUTE_TABLE['post-rule-set-draft-withdrawal'], params: DraftPath, body: DraftStepRequestSchema, response: DRAFT_RESPONSES['post-rule-set-draft-withdrawal'] },
  'get-household': {
    ...ROUTE_TABLE['get-household'],
    params: z.strictObject({ householdId: IdSchema }),
    response: OTHER_RESPONSES['get-household'],
  },
  'get-village': {
    ...ROUTE_TABLE['get-village'],
    params: z.strictObject({ villageId: IdSchema }),
    response: OTHER_RESPONSES['get-village'],
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
