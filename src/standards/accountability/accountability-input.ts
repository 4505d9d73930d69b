import type { ItemOutcome } from '../../engine/verdict.js';
import { TuopinError } from '../../kernel/errors.js';

/** The household statuses of the data contract (docs/data-contract.md, `households`). */
export const HOUSEHOLD_STATUSES = ['poor', 'returned', 'exited', 'applicant', 'non-poor'] as const;

export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** The two kinds of unit held to account each quarter (standards.md §7). */
export type UnitType = 'township' | 'assisting-unit';

/** A quarter's card; `null` in records means "no card". */
export type Card = 'red-flag' | 'yellow-card';

/** What accountability needs of one household of a unit's villages, whatever its status. */
export interface HouseholdExitSummary {
  readonly householdId: string;
  readonly villageId: string;
  readonly status: HouseholdStatus;
  readonly plannedExitYear: number | null;
  /** The household-exit verdict; null when the household's status is not judged by household-exit. */
  readonly exit: { readonly outcome: ItemOutcome; readonly items: Readonly<Record<string, ItemOutcome>> } | null;
}

/** A township or an assisting unit, with the villages it answers for. */
export interface AccountableUnit {
  readonly unitType: UnitType;
  readonly unitId: string;
  readonly countyId: string;
  readonly name: string | null;
  readonly principal: { readonly name: string | null; readonly title: string | null } | null;
  /** A township's villages (by `townshipId`) or an assisting unit's villages (by `assistingUnitId`). */
  readonly villageIds: readonly string[];
}

/** One unit's card for one quarter (`card-history.jsonl`; quarters look like `2018Q3`). */
export interface CardRecord {
  readonly unitType: UnitType;
  readonly unitId: string;
  readonly quarter: string;
  readonly card: Card | null;
}

/** The inputs of an accountability run are unusable (a malformed quarter, a unit listed twice). */
export class AccountabilityInputError extends TuopinError {
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super('ACCOUNTABILITY_INPUT_INVALID', `accountability input is invalid: ${detail}`, options);
  }
}
