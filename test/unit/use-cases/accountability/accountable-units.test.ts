import { describe, expect, it } from 'vitest';
import { accountableUnits } from '../../../../src/use-cases/accountability/accountable-units.js';
import { aTownship, aVillage, anAssistingUnit } from '../../../helpers/builders.js';

describe('accountableUnits', () => {
  const townships = [aTownship({ townshipId: 'T-02', name: '二乡' }), aTownship({ townshipId: 'T-01' })];
  const units = [anAssistingUnit({ unitId: 'U-02' }), anAssistingUnit({ unitId: 'U-01' })];
  const villages = [
    aVillage({ villageId: 'V-3', townshipId: 'T-01', assistingUnitId: 'U-01' }),
    aVillage({ villageId: 'V-1', townshipId: 'T-01', assistingUnitId: 'U-02' }),
    aVillage({ villageId: 'V-2', townshipId: 'T-02', assistingUnitId: 'U-01' }),
    aVillage({ villageId: 'V-4', townshipId: 'T-02', assistingUnitId: null }),
  ];

  it('gives every township its villages by townshipId, sorted', () => {
    const result = accountableUnits(townships, units, villages).filter((u) => u.unitType === 'township');
    expect(result.map((u) => [u.unitId, u.villageIds])).toEqual([
      ['T-01', ['V-1', 'V-3']],
      ['T-02', ['V-2', 'V-4']],
    ]);
  });

  it('gives every assisting unit the villages it is paired with, and none to a village without a unit', () => {
    const result = accountableUnits(townships, units, villages).filter((u) => u.unitType === 'assisting-unit');
    expect(result.map((u) => [u.unitId, u.villageIds])).toEqual([
      ['U-01', ['V-2', 'V-3']],
      ['U-02', ['V-1']],
    ]);
  });

  it('sorts by unit type, then by id', () => {
    expect(accountableUnits(townships, units, villages).map((u) => `${u.unitType}:${u.unitId}`)).toEqual([
      'assisting-unit:U-01',
      'assisting-unit:U-02',
      'township:T-01',
      'township:T-02',
    ]);
  });

  it('carries the county, name and principal of each unit', () => {
    const [first] = accountableUnits([aTownship()], [], []);
    expect(first).toEqual({
      unitType: 'township',
      unitId: 'T-01',
      countyId: 'C-1',
      name: '青德镇',
      principal: { name: '张三', title: '乡镇党委书记' },
      villageIds: [],
    });
  });

  it('keeps a unit without villages, with an empty list, so it is still scored', () => {
    const result = accountableUnits([], [anAssistingUnit({ unitId: 'U-09' })], villages);
    expect(result).toEqual([expect.objectContaining({ unitId: 'U-09', villageIds: [] })]);
  });

  it('ignores villages of townships or units it was not given', () => {
    expect(accountableUnits([], [], villages)).toEqual([]);
  });
});
