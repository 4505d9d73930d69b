import { z } from 'zod';
import { EvaluationRequestSchema, ReEvaluationRequestSchema } from '../../src/use-cases/evaluation-requests.js';

const IdSchema = z.string().regex(/\S/, { error: 'expected a non-blank id' });

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
}

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
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
