import type { AssistingUnit, Township, Village } from '../../records/records.js';
import type { AccountableUnit } from '../../standards/accountability/accountability-input.js';

/** Townships and assisting units with the villages each answers for, sorted by type then id. */
export function accountableUnits(townships: readonly Township[], units: readonly AssistingUnit[], villages: readonly Village[]): AccountableUnit[] {
  const byTownship = new Map<string, string[]>();
  const byUnit = new Map<string, string[]>();
  for (const village of villages) {
    const t = byTownship.get(village.townshipId) ?? [];
    t.push(village.villageId);
    byTownship.set(village.townshipId, t);
    if (village.assistingUnitId !== null) {
      const u = byUnit.get(village.assistingUnitId) ?? [];
      u.push(village.villageId);
      byUnit.set(village.assistingUnitId, u);
    }
  }
  const result: AccountableUnit[] = [
    ...townships.map((t) => ({
      unitType: 'township' as const,
      unitId: t.townshipId,
      countyId: t.countyId,
      name: t.name,
      principal: t.principal,
      villageIds: (byTownship.get(t.townshipId) ?? []).sort(),
    })),
    ...units.map((u) => ({
      unitType: 'assisting-unit' as const,
      unitId: u.unitId,
      countyId: u.countyId,
      name: u.name,
      principal: u.principal,
      villageIds: (byUnit.get(u.unitId) ?? []).sort(),
    })),
  ];
  return result.sort((a, b) => (a.unitType === b.unitType ? (a.unitId < b.unitId ? -1 : 1) : a.unitType < b.unitType ? -1 : 1));
}
