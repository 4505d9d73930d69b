import type { RejectedRow } from './rejected-row.js';
import type { RowPlacement } from './row-placement.js';

/**
 * What a dataset file parser yields per record: the parsed record with its file and line
 * (so an accepted result is also a `Located` record), or the rejection with where the row
 * belongs when its reference fields could be read.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly file: string; readonly line: number; readonly record: T }
  | { readonly ok: false; readonly rejected: RejectedRow; readonly placement?: RowPlacement };
