import type { z } from 'zod';
import { AssistingUnitSchema } from './assisting-unit-schema.js';
import { CardHistoryEntrySchema } from './card-history-schema.js';
import { CountySchema } from './county-schema.js';
import { HouseholdSchema } from './household-schema.js';
import { TownshipSchema } from './township-schema.js';
import { VillageSchema } from './village-schema.js';

/**
 * The kinds of record in a dataset folder: the file each lives in (`<fileStem>.jsonl` or
 * `.csv`), its schema, the field naming a row, and whether a dataset must have it.
 * Listed in the order the reference checks need (a kind only refers to kinds above it).
 */
export const RECORD_KINDS = {
  counties: { fileStem: 'counties', schema: CountySchema, idField: 'countyId', required: true },
  townships: { fileStem: 'townships', schema: TownshipSchema, idField: 'townshipId', required: true },
  units: { fileStem: 'units', schema: AssistingUnitSchema, idField: 'unitId', required: false },
  villages: { fileStem: 'villages', schema: VillageSchema, idField: 'villageId', required: true },
  households: { fileStem: 'households', schema: HouseholdSchema, idField: 'householdId', required: true },
  cardHistory: { fileStem: 'card-history', schema: CardHistoryEntrySchema, idField: 'unitId', required: false },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;

/** The parsed record type of a kind (`RecordOf<'households'>` is `Household`). */
export type RecordOf<K extends RecordKind> = z.output<(typeof RECORD_KINDS)[K]['schema']>;

export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];
