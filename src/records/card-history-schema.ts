import { z } from 'zod';
import { field } from './nullable-fields.js';

export const CARD_UNIT_TYPES = ['township', 'assisting-unit'] as const;
export const CARDS = ['red-flag', 'yellow-card'] as const;

/**
 * A line of `card-history.jsonl`: the card a unit got in an earlier quarter. The unit and the
 * quarter are the key of the line, so they are required; `card: null` means "no card".
 */
export const CardHistoryEntrySchema = z.looseObject({
  unitType: z.enum(CARD_UNIT_TYPES),
  unitId: field.id(),
  quarter: z.string().regex(/^\d{4}Q[1-4]$/, { error: 'expected a quarter like 2018Q3' }),
  card: field.oneOf(CARDS),
});

export type CardHistoryEntry = z.output<typeof CardHistoryEntrySchema>;
export type CardUnitType = (typeof CARD_UNIT_TYPES)[number];
