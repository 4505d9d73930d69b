import type { UnitType } from './accountability-input.js';

/**
 * A unit's identity across both unit types, written `township:513336-01` (the form the
 * worked example uses). Unambiguous because a unit type never contains a colon.
 */
export function unitKey(unitType: UnitType, unitId: string): string {
  return `${unitType}:${unitId}`;
}
