import { describe, expect, it } from 'vitest';
import { RuleSetInvalidError } from '../../../../src/engine/errors.js';
import type { AccountableUnit, CardRecord, HouseholdExitSummary } from '../../../../src/standards/accountability/accountability-input.js';
import { AccountabilityInputError } from '../../../../src/standards/accountability/accountability-input.js';
import { runAccountability, type AccountabilityInput } from '../../../../src/standards/accountability/run-accountability.js';
import { aCardRecord, aHouseholdSummary, anAccountableUnit, anExit } from '../../../helpers/builders.js';
import { QUARTER, YEAR, someLabels, someParameters } from './builders.js';

/** A household that fails its exit and every assurance: its unit scores 30 (stability and data full). */
function failing(villageId: string, householdId?: string): HouseholdExitSummary {
  const exit = anExit({ education: 'fail', medical: 'fail', housing: 'fail', water: 'fail' });
  return aHouseholdSummary({ villageId, exit, ...(householdId ? { householdId } : {}) });
}

function run(overrides: Partial<AccountabilityInput> & Pick<AccountabilityInput, 'units' | 'households'>) {
  return runAccountability({ quarter: QUARTER, history: [], parameters: someParameters(), indicatorLabels: someLabels(), ...overrides });
}

/** Township T1 (village V1) scoring 30 and township T2 (village V2) scoring 100, in county C1. */
function aBadAndAGoodTownship(history: CardRecord[] = [], t1: Partial<AccountableUnit> = {}) {
  return run({
    units: [anAccountableUnit({ unitId: 'T1', villageIds: ['V1'], ...t1 }), anAccountableUnit({ unitId: 'T2', villageIds: ['V2'] })],
    households: [failing('V1'), aHouseholdSummary({ villageId: 'V2' })],
    history,
  });
}

describe('score rows', () => {
  it('carry the score, the unrounded indicators, the card, the escalation counts and the counts behind each value', () => {
    const { scores } = run({
      units: [anAccountableUnit({ unitId: 'T1', villageIds: ['V1'] })],
      households: [
        aHouseholdSummary({ exit: anExit({ water: 'unknown' }) }),
        aHouseholdSummary({ plannedExitYear: YEAR + 1 }),
        aHouseholdSummary({ plannedExitYear: YEAR + 1 }),
        aHouseholdSummary({ status: 'non-poor', exit: null }),
      ],
      history: [aCardRecord('T1', '2018Q2')],
    });
    expect(scores).toEqual([
      {
        unitType: 'township',
        unitId: 'T1',
        countyId: 'C1',
        quarter: '2018Q3',
        score: 46.67,
        indicators: { 'exit-target': 0, assurances: 2 / 3, stability: 1, 'data-quality': 2 / 3 },
        card: 'yellow-card',
        consecutiveYellow: 2,
        yellowThisYear: 2,
        details: {
          'exit-target': { numerator: 0, denominator: 1, emptyDenominator: false },
          assurances: { numerator: 2, denominator: 3, emptyDenominator: false },
          stability: { numerator: 0, denominator: 0, emptyDenominator: true },
          'data-quality': { numerator: 2, denominator: 3, emptyDenominator: false },
        },
      },
    ]);
  });

  it('score a unit without households at full marks', () => {
    const { scores } = run({ units: [anAccountableUnit({ villageIds: [] })], households: [aHouseholdSummary()] });
    expect(scores[0]).toMatchObject({ score: 100, card: 'red-flag', indicators: { 'exit-target': 1, assurances: 1 } });
    expect(Object.values(scores[0]!.details).every((detail) => detail.emptyDenominator)).toBe(true);
  });

  it('read a village listed twice once, and a village shared by a township and an assisting unit for both', () => {
    const { scores } = run({
      units: [
        anAccountableUnit({ unitId: 'T1', villageIds: ['V1', 'V1', 'V2'] }),
        anAccountableUnit({ unitType: 'assisting-unit', unitId: 'U1', villageIds: ['V2'] }),
      ],
      households: [aHouseholdSummary({ villageId: 'V1' }), failing('V2'), failing('V3')],
    });
    expect(scores.map((s) => [s.unitId, s.details.assurances])).toEqual([
      ['U1', { numerator: 0, denominator: 1, emptyDenominator: false }],
      ['T1', { numerator: 1, denominator: 2, emptyDenominator: false }],
    ]);
  });

  it('are sorted by unit type then unit id, and a card record is returned for every unit', () => {
    const { scores, cards } = run({
      units: [
        anAccountableUnit({ unitId: 'T2', villageIds: ['V2'] }),
        anAccountableUnit({ unitType: 'assisting-unit', unitId: 'U1', villageIds: ['V2'] }),
        anAccountableUnit({ unitId: 'T1', villageIds: ['V1'] }),
      ],
      households: [failing('V1'), aHouseholdSummary({ villageId: 'V2' })],
    });
    expect(scores.map((s) => `${s.unitType}:${s.unitId}`)).toEqual(['assisting-unit:U1', 'township:T1', 'township:T2']);
    expect(cards).toEqual([
      { unitType: 'assisting-unit', unitId: 'U1', quarter: '2018Q3', card: 'red-flag' },
      { unitType: 'township', unitId: 'T1', quarter: '2018Q3', card: 'yellow-card' },
      { unitType: 'township', unitId: 'T2', quarter: '2018Q3', card: 'red-flag' },
    ]);
  });
});

describe('the interview and resignation lists', () => {
  it('list the official after two consecutive yellow cards, naming the whole run', () => {
    const { lists } = aBadAndAGoodTownship([aCardRecord('T1', '2018Q2'), aCardRecord('T1', '2018Q1', null)]);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({
      list: 'interview',
      quarter: '2018Q3',
      unitType: 'township',
      unitId: 'T1',
      unitName: '乡T1',
      official: { name: '书记T1', title: '乡镇党委书记' },
      trigger: '2 consecutive yellow cards (2018Q2, 2018Q3)',
      triggerLabel: { zh: '连续2次黄牌警告(2018Q2, 2018Q3)', en: '2 consecutive yellow cards (2018Q2, 2018Q3)' },
      cardHistory: ['2018Q2', '2018Q3'],
    });
    expect(lists[0]).not.toHaveProperty('missing');
  });

  it('list the official on both lists after four consecutive yellow cards over two years', () => {
    const { lists } = aBadAndAGoodTownship([aCardRecord('T1', '2017Q4'), aCardRecord('T1', '2018Q1'), aCardRecord('T1', '2018Q2')]);
    expect(lists.map((row) => [row.list, row.trigger, row.cardHistory])).toEqual([
      ['interview', '4 consecutive yellow cards (2017Q4, 2018Q1, 2018Q2, 2018Q3)', ['2017Q4', '2018Q1', '2018Q2', '2018Q3']],
      ['resignation', '3 yellow cards in 2018 (2018Q1, 2018Q2, 2018Q3)', ['2018Q1', '2018Q2', '2018Q3']],
    ]);
    expect(lists[1]!.triggerLabel.zh).toBe('2018年累计3次黄牌警告(2018Q1, 2018Q2, 2018Q3)');
  });

  it('count non-consecutive yellow cards of the year in total-in-year mode only', () => {
    const { lists } = run({
      quarter: '2018Q4',
      units: [anAccountableUnit({ unitId: 'T1' })],
      households: [failing('V1')],
      history: [aCardRecord('T1', '2018Q1'), aCardRecord('T1', '2018Q2'), aCardRecord('T1', '2018Q3', 'red-flag'), aCardRecord('T1', '2017Q4')],
    });
    expect(lists.map((row) => [row.list, row.trigger])).toEqual([['resignation', '3 yellow cards in 2018 (2018Q1, 2018Q2, 2018Q4)']]);
  });

  it('follow the modes and counts of the parameters', () => {
    const parameters = someParameters({
      interview: { count: 2, mode: 'total-in-year' },
      resignation: { count: 2, mode: 'consecutive' },
    });
    const history = [aCardRecord('T1', '2018Q1')];
    const { lists } = run({ units: [anAccountableUnit({ unitId: 'T1' })], households: [failing('V1')], history, parameters });
    expect(lists.map((row) => [row.list, row.trigger])).toEqual([['interview', '2 yellow cards in 2018 (2018Q1, 2018Q3)']]);
    const consecutive = run({ units: [anAccountableUnit({ unitId: 'T1' })], households: [failing('V1')], history: [aCardRecord('T1', '2018Q2')], parameters });
    expect(consecutive.lists.map((row) => row.list)).toEqual(['interview', 'resignation']);
  });

  it('never list a unit without a yellow card this quarter, whatever its history', () => {
    const history = [aCardRecord('T2', '2018Q1'), aCardRecord('T2', '2018Q2'), aCardRecord('T2', '2017Q4')];
    const result = aBadAndAGoodTownship(history);
    expect(result.scores.find((s) => s.unitId === 'T2')).toMatchObject({ card: 'red-flag', yellowThisYear: 2, consecutiveYellow: 0 });
    expect(result.lists).toEqual([]);
  });

  it('drop a stored yellow card of the run quarter that the run does not confirm', () => {
    const result = aBadAndAGoodTownship([aCardRecord('T2', '2018Q2'), aCardRecord('T2', '2018Q3')]);
    expect(result.scores.find((s) => s.unitId === 'T2')).toMatchObject({ card: 'red-flag', yellowThisYear: 1 });
  });

  it('keep the row of a unit without a known principal and say what is missing', () => {
    const { lists } = aBadAndAGoodTownship([aCardRecord('T1', '2018Q2')], { principal: null, name: null });
    expect(lists[0]).toMatchObject({ unitName: null, official: { name: null, title: null }, missing: ['principal'] });
    const partial = aBadAndAGoodTownship([aCardRecord('T1', '2018Q2')], { principal: { name: null, title: '乡镇党委书记' } });
    expect(partial.lists[0]).toMatchObject({ official: { name: null, title: '乡镇党委书记' }, missing: ['principal.name'] });
  });

  it('are sorted by list, then unit type, then unit id', () => {
    const units = ['T2', 'T1'].map((unitId) => anAccountableUnit({ unitId, villageIds: ['V1'] }));
    units.push(anAccountableUnit({ unitType: 'assisting-unit', unitId: 'U9', villageIds: ['V1'] }));
    const history = ['T1', 'T2', 'U9'].flatMap((unitId) => {
      const unitType = unitId.startsWith('U') ? 'assisting-unit' : 'township';
      return [aCardRecord(unitId, '2018Q1', 'yellow-card', unitType), aCardRecord(unitId, '2018Q2', 'yellow-card', unitType)];
    });
    const { lists } = run({ units, households: [failing('V1')], history });
    expect(lists.map((row) => `${row.list} ${row.unitType}:${row.unitId}`)).toEqual([
      'interview assisting-unit:U9',
      'interview township:T1',
      'interview township:T2',
      'resignation assisting-unit:U9',
      'resignation township:T1',
      'resignation township:T2',
    ]);
  });
});

describe('the reasons of a list row', () => {
  function listedUnit(households: HouseholdExitSummary[]) {
    const result = run({ units: [anAccountableUnit({ unitId: 'T1', villageIds: ['V1', 'V2'] })], households, history: [aCardRecord('T1', '2018Q2')] });
    expect(result.lists).toHaveLength(1);
    return result;
  }

  it('name every indicator below full marks, costliest first, with its households and villages', () => {
    const { lists, scores } = listedUnit([
      aHouseholdSummary({ householdId: 'H-c', villageId: 'V2', exit: anExit({ water: 'unknown' }) }),
      aHouseholdSummary({ householdId: 'H-a', villageId: 'V1', exit: anExit({ income: 'fail' }) }),
      aHouseholdSummary({ householdId: 'H-b', villageId: 'V2', status: 'exited', plannedExitYear: null, exit: anExit({ housing: 'fail' }) }),
      aHouseholdSummary({ householdId: 'H-d', villageId: 'V1', status: 'applicant', exit: null }),
    ]);
    expect(scores[0]!.score).toBe(16.67);
    expect(lists[0]!.reasons).toEqual([
      {
        indicator: 'exit-target',
        label: someLabels()['exit-target'],
        value: 0,
        pointsLost: 40,
        households: ['H-a', 'H-c'],
        villages: ['V1', 'V2'],
      },
      { indicator: 'assurances', label: someLabels().assurances, value: 1 / 3, pointsLost: 20, households: ['H-b', 'H-c'], villages: ['V2'] },
      { indicator: 'stability', label: someLabels().stability, value: 0, pointsLost: 20, households: ['H-b'], villages: ['V2'] },
      {
        indicator: 'data-quality',
        label: someLabels()['data-quality'],
        value: 2 / 3,
        pointsLost: 3.33,
        households: ['H-c'],
        villages: ['V2'],
      },
    ]);
  });

  it('leave out the indicators at full marks and those with no household to count', () => {
    const { lists } = listedUnit([
      aHouseholdSummary({ householdId: 'H2', exit: anExit({ income: 'fail' }) }),
      aHouseholdSummary({ householdId: 'H10', exit: anExit({ income: 'fail' }) }),
    ]);
    expect(lists[0]!.reasons.map((reason) => [reason.indicator, reason.households])).toEqual([['exit-target', ['H10', 'H2']]]);
  });

  it('are the same on both lists', () => {
    const result = run({
      units: [anAccountableUnit({ unitId: 'T1' })],
      households: [failing('V1', 'H1')],
      history: [aCardRecord('T1', '2018Q1'), aCardRecord('T1', '2018Q2')],
    });
    expect(result.lists.map((row) => row.list)).toEqual(['interview', 'resignation']);
    expect(result.lists[1]!.reasons).toEqual(result.lists[0]!.reasons);
    expect(result.lists[0]!.reasons.map((reason) => reason.indicator)).toEqual(['exit-target', 'assurances']);
  });
});

describe('runAccountability', () => {
  it('gives the same output whatever the order of its inputs', () => {
    const units = [anAccountableUnit({ unitId: 'T1', villageIds: ['V1'] }), anAccountableUnit({ unitId: 'T2', villageIds: ['V2'] }), anAccountableUnit({ unitId: 'T3', villageIds: ['V3'] })];
    const households = [failing('V1', 'H1'), failing('V1', 'H2'), aHouseholdSummary({ householdId: 'H3', villageId: 'V2' }), failing('V3', 'H4')];
    const history = [aCardRecord('T1', '2018Q2'), aCardRecord('T3', '2018Q1'), aCardRecord('T3', '2018Q2')];
    const forward = run({ units, households, history });
    const backward = run({ units: [...units].reverse(), households: [...households].reverse(), history: [...history].reverse() });
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });

  it('refuses indicator labels that miss an indicator', () => {
    const { stability: _dropped, ...labels } = someLabels();
    expect(() => run({ units: [anAccountableUnit()], households: [], indicatorLabels: labels })).toThrow(RuleSetInvalidError);
  });

  it('refuses a unit listed twice, a malformed quarter and a malformed history quarter', () => {
    expect(() => run({ units: [anAccountableUnit(), anAccountableUnit()], households: [] })).toThrow(AccountabilityInputError);
    expect(() => run({ quarter: '2018-3', units: [anAccountableUnit()], households: [] })).toThrow(AccountabilityInputError);
    expect(() => run({ units: [anAccountableUnit()], households: [], history: [aCardRecord('T1', 'Q2 2018')] })).toThrow(AccountabilityInputError);
  });

  it('accepts the same unit id as a township and as an assisting unit', () => {
    const { scores } = run({ units: [anAccountableUnit({ unitId: 'X1' }), anAccountableUnit({ unitType: 'assisting-unit', unitId: 'X1' })], households: [] });
    expect(scores).toHaveLength(2);
  });
});
