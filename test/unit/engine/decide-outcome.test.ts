import { describe, expect, it } from 'vitest';
import { decideOutcome } from '../../../src/engine/decide-outcome.js';
import type { ItemOutcome } from '../../../src/engine/verdict.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import type { Decision } from '../../../src/engine/rule-set-schema.js';
import { aRuleSet, anItem } from '../../helpers/builders.js';

const leaf = { fact: 'electricity', operator: 'equal', value: true } as const;

/** Items shaped like identification's: two prohibitions, two priorities, and the income test. */
const items = prepareRuleSet(
  aRuleSet({
    items: [
      anItem('payroll', leaf, 'prohibition'),
      anItem('vehicle', leaf, 'prohibition'),
      anItem('deep', leaf, 'priority'),
      anItem('dropout', leaf, 'priority'),
      anItem('below-line', leaf),
    ],
    decision: { rules: [{ outcome: 'x', when: { some: 'fail' } }], otherwise: 'y' },
    outcomeLabels: { x: { zh: '甲', en: 'x' }, y: { zh: '乙', en: 'y' } },
  }),
  2018,
).items;

const identification: Decision = {
  rules: [
    { outcome: 'excluded', when: { some: 'fail', group: 'prohibition' } },
    { outcome: 'priority', when: { some: 'pass', group: 'priority' } },
    { outcome: 'eligible', when: { some: 'pass', items: ['below-line'] } },
    { outcome: 'not-eligible', when: { some: 'fail', items: ['below-line'] } },
  ],
  otherwise: 'unknown',
};

const threeValuedAnd: Decision = {
  rules: [
    { outcome: 'fail', when: { some: 'fail' } },
    { outcome: 'unknown', when: { some: 'unknown' } },
  ],
  otherwise: 'pass',
};

/** Outcomes in item order: payroll, vehicle, deep, dropout, below-line. */
function outcomes(...values: ItemOutcome[]): ItemOutcome[] {
  return values;
}

describe('decideOutcome', () => {
  it('gives the outcome of the first rule whose test holds', () => {
    expect(decideOutcome(identification, items, outcomes('fail', 'pass', 'pass', 'fail', 'pass')).outcome).toBe('excluded');
    expect(decideOutcome(identification, items, outcomes('pass', 'pass', 'fail', 'pass', 'pass')).outcome).toBe('priority');
    expect(decideOutcome(identification, items, outcomes('pass', 'pass', 'fail', 'fail', 'pass')).outcome).toBe('eligible');
    expect(decideOutcome(identification, items, outcomes('pass', 'pass', 'fail', 'fail', 'fail')).outcome).toBe('not-eligible');
  });

  it('falls back to `otherwise` when no rule holds', () => {
    expect(decideOutcome(identification, items, outcomes('pass', 'unknown', 'unknown', 'fail', 'unknown')).outcome).toBe('unknown');
  });

  it('lists as reasons every item that fired a definite test of any rule, not only the winning one, in item order', () => {
    const decided = decideOutcome(identification, items, outcomes('pass', 'fail', 'pass', 'pass', 'pass'));
    expect(decided).toEqual({ outcome: 'excluded', reasons: ['vehicle', 'deep', 'dropout', 'below-line'] });
  });

  it('does not list as reasons items that only made an `unknown` test hold', () => {
    expect(decideOutcome(threeValuedAnd, items, outcomes('unknown', 'pass', 'unknown', 'pass', 'pass'))).toEqual({ outcome: 'unknown', reasons: [] });
  });

  it('reads a failing item as outranking an unknown one under three-valued AND, and names only the failures', () => {
    expect(decideOutcome(threeValuedAnd, items, outcomes('unknown', 'fail', 'pass', 'fail', 'pass'))).toEqual({ outcome: 'fail', reasons: ['vehicle', 'dropout'] });
    expect(decideOutcome(threeValuedAnd, items, outcomes('pass', 'pass', 'pass', 'pass', 'pass'))).toEqual({ outcome: 'pass', reasons: [] });
  });

  it('looks only at the items of the rule’s group or list', () => {
    // The priority items fail, which no prohibition test looks at.
    const decided = decideOutcome(identification, items, outcomes('pass', 'pass', 'fail', 'fail', 'unknown'));
    expect(decided).toEqual({ outcome: 'unknown', reasons: [] });
  });

  it('needs both the group and the list when a test names both', () => {
    const decision: Decision = { rules: [{ outcome: 'hit', when: { some: 'pass', group: 'priority', items: ['dropout', 'below-line'] } }], otherwise: 'miss' };
    expect(decideOutcome(decision, items, outcomes('pass', 'pass', 'pass', 'fail', 'pass'))).toEqual({ outcome: 'miss', reasons: [] });
    expect(decideOutcome(decision, items, outcomes('pass', 'pass', 'fail', 'pass', 'pass'))).toEqual({ outcome: 'hit', reasons: ['dropout'] });
  });

  it('gives `otherwise` with no reasons for a decision without rules', () => {
    expect(decideOutcome({ rules: [], otherwise: 'stable' }, items, outcomes('fail', 'fail', 'fail', 'fail', 'fail'))).toEqual({ outcome: 'stable', reasons: [] });
  });
});
