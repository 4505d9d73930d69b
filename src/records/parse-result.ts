import type { RejectedRow } from './rejected-row.js';

/**
 * What a dataset file parser yields per record: the parsed record with its file and line
 * (so an accepted result is also a `Located` record), or the rejection.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly file: string; readonly line: number; readonly record: T }
  | { readonly ok: false; readonly rejected: RejectedRow };
