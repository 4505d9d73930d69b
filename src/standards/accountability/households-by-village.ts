import type { HouseholdExitSummary } from './accountability-input.js';

/** Households grouped by village, built once per run so every unit reads only its own villages. */
export class HouseholdsByVillage {
  private readonly byVillage = new Map<string, HouseholdExitSummary[]>();

  constructor(households: Iterable<HouseholdExitSummary>) {
    for (const household of households) {
      const list = this.byVillage.get(household.villageId);
      if (list) list.push(household);
      else this.byVillage.set(household.villageId, [household]);
    }
  }

  /** The households of these villages; a village listed twice is read once. */
  *of(villageIds: readonly string[]): Generator<HouseholdExitSummary> {
    for (const villageId of new Set(villageIds)) yield* this.byVillage.get(villageId) ?? [];
  }
}
