import { TuopinError } from '../../src/kernel/errors.js';

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
