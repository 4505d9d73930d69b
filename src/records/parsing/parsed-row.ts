import type { RejectedRow } from './rejected-row.js';

/** A parsed record and where it came from, so a later rejection can still point at its line. */
export interface Located<T> {
  readonly file: string;
  readonly line: number;
  readonly record: T;
}

/** Options shared by the dataset file parsers. */
export interface ParseOptions {
  /** The field holding the row's own id (`householdId`), copied onto rejections to name the row. */
  readonly idField?: string;
}

/**
 * What a dataset file parser yields per record: the parsed record with its file and line
 * (so an accepted result is also a `Located` record), or the rejection with where the row
 * belongs when its reference fields could be read.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly file: string; readonly line: number; readonly record: T }
  | { readonly ok: false; readonly rejected: RejectedRow; readonly placement?: RowPlacement };

/** The row's own id, read from the raw value before validation, so a rejection can name it. */
export function recordId(raw: unknown, idField: string | undefined): string | undefined {
  if (idField === undefined || typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, idField)) return undefined;
  const id = (raw as Record<string, unknown>)[idField];
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

/**
 * Where a row belongs, as far as it could be read: the county, township and village it names.
 * A rejected row keeps its placement so the village or county it leaves incomplete can say so.
 */
export interface RowPlacement {
  readonly countyId?: string;
  readonly townshipId?: string;
  readonly villageId?: string;
}

const FIELDS = ['countyId', 'townshipId', 'villageId'] as const;

/** The reference fields of a raw row that are non-blank strings; `undefined` when none is. */
export function placementOf(raw: unknown): RowPlacement | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const placement: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = (raw as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.trim() !== '') placement[field] = value;
  }
  return Object.keys(placement).length > 0 ? placement : undefined;
}

/** A parser's rejection of a row, with the placement read from the row's raw value. */
export function withPlacement(rejected: RejectedRow, raw: unknown): { ok: false; rejected: RejectedRow; placement?: RowPlacement } {
  const placement = placementOf(raw);
  return placement === undefined ? { ok: false, rejected } : { ok: false, rejected, placement };
}
