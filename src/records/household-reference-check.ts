import type { Household } from './household-schema.js';
import { IdIndex } from './id-index.js';
import type { Located } from './located.js';
import { referenceSieve } from './reference-sieve.js';
import { refersTo } from './refers-to.js';
import type { RejectedRow } from './rejected-row.js';
import type { Village } from './village-schema.js';

function indexOf(villages: readonly Located<Village>[]): IdIndex<Village> {
  const index = new IdIndex<Village>('village');
  for (const village of villages) index.accept(village.record.villageId, village);
  return index;
}

/**
 * The reference checks of households, one household at a time, for a households file too big
 * to hold: its id must not repeat and its village must be one of `villages` (the accepted
 * villages, as `checkReferences` returns them, or the index it builds as it goes).
 * Returns the household's rejection or `null`.
 */
export function householdReferenceCheck(villages: IdIndex<Village> | readonly Located<Village>[]): (row: Located<Household>) => RejectedRow | null {
  const index = villages instanceof IdIndex ? villages : indexOf(villages);
  return referenceSieve<Household>({
    keyField: 'householdId',
    key: (h) => h.householdId,
    rules: [refersTo('villageId', index, (h: Household) => h.villageId)],
    // No index of households: no kind refers to them, and it would hold every row of the file.
  });
}
