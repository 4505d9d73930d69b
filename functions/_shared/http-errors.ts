import type { APIGatewayProxyResult } from 'aws-lambda';
import { jsonResponse } from './json-response.js';
import { TuopinError } from '../../src/kernel/errors.js';

// The HTTP edge's errors: the one a request that fails its schema raises, and the map from every
// error's stable code to its status and body.

/** One problem of a request: where it is (`body`, `path`, `header`), the field path, what is wrong. */
export interface RequestIssue {
  readonly in: 'body' | 'path' | 'query' | 'header';
  /** Dotted path inside that part, e.g. `record.members.0.age`; empty for the part as a whole. */
  readonly path: string;
  readonly message: string;
}

/** The request does not match its schema: a 400 listing every issue. */
export class RequestInvalidError extends TuopinError {
  constructor(readonly issues: readonly RequestIssue[]) {
    super('REQUEST_INVALID', `the request is invalid: ${issues.map((i) => `${i.in} ${i.path || '(whole)'}: ${i.message}`).join('; ')}`);
  }
}

/** HTTP status of each stable error `code`; any other error is a 500. */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  REQUEST_INVALID: 400,
  INLINE_SUBJECT_UNSUPPORTED: 400,
  STANDARD_NOT_APPLICABLE: 400,
  STANDARD_NOT_JUDGEABLE: 400,
  // The year is the caller's choice: a year the rule set has no table for is a bad request.
  RULE_SET_YEAR_MISSING: 400,
  // A draft (or its cases) nested or sized beyond the limits of rule-set-limits.ts.
  RULE_SET_LIMIT_EXCEEDED: 400,
  SUBJECT_NOT_FOUND: 404,
  VILLAGE_NOT_FOUND: 404,
  VERDICTS_NOT_FOUND: 404,
  RULE_SET_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  RUN_NOT_FOUND: 404,
  // tuopin serve's console sessions.
  SESSION_INVALID: 401,
  ROLE_FORBIDDEN: 403,
  ACCOUNTABILITY_NOT_FOUND: 404,
  RULE_SET_CONFLICT: 409,
  // Rolling back to a version that does not exist, or to the one in force.
  ROLLBACK_REFUSED: 400,
  REQUEST_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  // A publication with no authenticated caller to record as its author.
  AUTHOR_UNKNOWN: 403,
  // The rule-draft lifecycle: no such draft, a step out of turn (a racing approval), someone
  // other than the author editing, the author approving, the one-step publication where a
  // second person's approval is required, a case that cannot be confirmed.
  DRAFT_NOT_FOUND: 404,
  DRAFT_REPORT_NOT_FOUND: 404,
  DRAFT_STATE: 409,
  NOT_DRAFT_AUTHOR: 403,
  SELF_APPROVAL_REFUSED: 403,
  ONE_STEP_PUBLISH_REFUSED: 403,
  CASE_NOT_CONFIRMABLE: 400,
  // The local API's refusals (src/cli/http-guard.ts): what API Gateway's IAM authorisation and
  // a browser's same-origin rules would stop, answered before any handler runs.
  SIGNATURE_MISSING: 403,
  SIGNATURE_INVALID: 403,
  SIGNATURE_EXPIRED: 403,
  ACCESS_DENIED: 403,
  ORIGIN_REFUSED: 403,
  HOST_REFUSED: 421,
  MEDIA_TYPE_UNSUPPORTED: 415,
};

/** Powertools' idempotency errors carry no `code`; these are the ones a caller can cause. */
const CODE_BY_ERROR_NAME: Readonly<Record<string, string>> = {
  IdempotencyAlreadyInProgressError: 'REQUEST_IN_PROGRESS',
  IdempotencyValidationError: 'IDEMPOTENCY_KEY_REUSED',
};

const MESSAGE_BY_CODE: Readonly<Record<string, string>> = {
  REQUEST_IN_PROGRESS: 'a request with this Idempotency-Key is still being processed; retry later',
  IDEMPOTENCY_KEY_REUSED: 'this Idempotency-Key was used with another request body',
};

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly requestId: string; readonly issues?: readonly RequestIssue[] };
}

/** The stable code of an error, or null when it has none a caller may see. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = CODE_BY_ERROR_NAME[error.name] ?? (error as { code?: unknown }).code;
  return typeof code === 'string' && code in STATUS_BY_CODE ? code : null;
}

/**
 * The response for an error: its status by code, its own message for a known code (our typed
 * errors' messages name ids, never internals), and for anything else a 500 that says nothing
 * but the request id to quote.
 */
export function errorResponse(error: unknown, requestId: string): APIGatewayProxyResult {
  const code = errorCode(error);
  if (code === null) return jsonResponse(500, { error: { code: 'INTERNAL', message: 'internal error', requestId } } satisfies ErrorBody);
  const issues = (error as { issues?: readonly RequestIssue[] }).issues;
  const message = MESSAGE_BY_CODE[code] ?? (error as Error).message;
  return jsonResponse(STATUS_BY_CODE[code]!, { error: { code, message, requestId, ...(code === 'REQUEST_INVALID' && issues ? { issues } : {}) } } satisfies ErrorBody);
}
