import type { RejectedRow } from './rejected-row.js';

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
