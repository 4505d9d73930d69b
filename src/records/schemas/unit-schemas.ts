import { z } from 'zod';
import { field } from './nullable-fields.js';

/** The principal official of a township or an assisting unit, named on the accountability lists. */
export const PrincipalSchema = z.looseObject({
  name: field.text(),
  title: field.text(),
});

export type Principal = z.output<typeof PrincipalSchema>;

/** A line of `units.jsonl`: an assisting unit (帮扶单位) paired with villages. */
export const AssistingUnitSchema = z.looseObject({
  unitId: field.id(),
  countyId: field.id(),
  name: field.text(),
  principal: field.object(PrincipalSchema),
});

export type AssistingUnit = z.output<typeof AssistingUnitSchema>;

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
