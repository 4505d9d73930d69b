import { describe, expect, it } from 'vitest';
import type { Card } from '../../../../src/standards/accountability/accountability-input.js';
import { assignCards, type RankedUnit } from '../../../../src/standards/accountability/assign-cards.js';
import { someParameters } from './builders.js';

/** Townships of county C1 named U0, U1… with these scores. */
function county(scores: number[], countyId = 'C1', unitType: RankedUnit['unitType'] = 'township'): RankedUnit[] {
  return scores.map((score, index) => ({ key: `${unitType}:${countyId}-U${index}`, unitType, countyId, score }));
}

function cardsOf(units: RankedUnit[], parameters = someParameters()): (Card | null)[] {
  const cards = assignCards(units, parameters);
  return units.map((unit) => cards.get(unit.key) ?? null);
}

const R = 'red-flag';
const Y = 'yellow-card';

describe('red flags', () => {
  it('go to the top three scores of at least 90', () => {
    expect(cardsOf(county([95, 99, 85, 97, 96]))).toEqual([null, R, null, R, R]);
  });

  it('include every unit tied with the third', () => {
    expect(cardsOf(county([95, 95, 95, 95, 91]))).toEqual([R, R, R, R, null]);
    expect(cardsOf(county([99, 98, 92, 92, 90]))).toEqual([R, R, R, R, null]);
  });

  it('are not extended by ties above the third place', () => {
    expect(cardsOf(county([99, 99, 94, 93]))).toEqual([R, R, R, null]);
  });

  it('need a score of at least 90, even for the best unit', () => {
    expect(cardsOf(county([90, 89.99, 88]))).toEqual([R, null, null]);
    expect(cardsOf(county([89.99]))).toEqual([null]);
  });

  it('are not given when the rule set asks for none', () => {
    expect(cardsOf(county([100, 99]), someParameters({ redFlag: { top: 0, minScore: 90 } }))).toEqual([null, null]);
  });
});

describe('yellow cards', () => {
  it('go to the bottom three scores below 80', () => {
    expect(cardsOf(county([85, 79, 70, 65, 62, 61]))).toEqual([null, null, null, Y, Y, Y]);
  });

  it('include every unit tied with the third from the bottom', () => {
    expect(cardsOf(county([70, 65, 65, 65, 62, 85]))).toEqual([null, Y, Y, Y, Y, null]);
  });

  it('are not given to a small county of units scoring 80 or more', () => {
    expect(cardsOf(county([85, 82, 80]))).toEqual([null, null, null]);
  });

  it('go only to the units below 80 when fewer than three are', () => {
    expect(cardsOf(county([85, 82, 79.99]))).toEqual([null, null, Y]);
  });

  it('always go to a unit below 60, beyond the bottom three', () => {
    expect(cardsOf(county([55, 50, 45, 40, 59.99, 60]))).toEqual([Y, Y, Y, Y, Y, null]);
  });

  it('never go to a red-flag unit, however few units the county has', () => {
    expect(cardsOf(county([95, 92]), someParameters({ yellowCard: { bottom: 3, belowScore: 100, alwaysBelow: 99 } }))).toEqual([
      R,
      R,
    ]);
  });

  it('are ranked among units without a red flag', () => {
    const parameters = someParameters({ yellowCard: { bottom: 1, belowScore: 100, alwaysBelow: 0 } });
    expect(cardsOf(county([95, 91, 89]), parameters)).toEqual([R, R, Y]);
  });
});

describe('peer groups', () => {
  it('rank each county and each unit type separately', () => {
    const units = [
      ...county([95, 50, 70, 72, 74], 'C1'),
      ...county([96, 71, 73], 'C1', 'assisting-unit'),
      ...county([85, 75, 76, 77, 78], 'C2'),
    ];
    expect(cardsOf(units)).toEqual([R, Y, Y, Y, null, R, Y, Y, null, Y, Y, Y, null]);
  });

  it('give a card or null to every unit, including a county with one unit', () => {
    const cards = assignCards(county([70], 'C9'), someParameters());
    expect([...cards.entries()]).toEqual([['township:C9-U0', Y]]);
  });
});
