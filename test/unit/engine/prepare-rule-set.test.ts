import { describe, expect, it } from 'vitest';
import { ParameterMissingError, RuleSetYearMissingError } from '../../../src/engine/errors.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { aRuleSet, anItem } from '../../helpers/builders.js';

const parameters = {
  line: { byYear: { '2017': 3335, '2018': 3535 } },
  grades: ['A', 'B'],
  minutes: 20,
};

const ruleSet = aRuleSet({
  parameters,
  items: [
    anItem('rich', { fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'line' } }),
    anItem('housing', {
      any: [
        { fact: 'housing', path: '$.safetyGrade', operator: 'in', value: { param: 'grades' } },
        { not: { fact: 'water', path: '$.fetchMinutes', operator: 'greaterThan', value: { param: 'minutes' } } },
      ],
    }),
    anItem('referenced', { fact: 'povertyIncidence', operator: 'lessThan', value: { fact: 'incidenceLimit' } }),
  ],
  warnings: [anItem('short', { fact: 'shortestNoticeDays', operator: 'lessThan', value: 7 })],
});

describe('prepareRuleSet', () => {
  it('replaces a year-keyed {param} by its value for the assessment year', () => {
    expect(prepareRuleSet(ruleSet, 2018).items[0]!.conditions).toEqual({ fact: 'incomePerCapita', operator: 'greaterThan', value: 3535 });
    expect(prepareRuleSet(ruleSet, 2017).items[0]!.conditions).toEqual({ fact: 'incomePerCapita', operator: 'greaterThan', value: 3335 });
  });

  it('replaces {param} at any depth of all/any/not, with lists and numbers whole', () => {
    expect(prepareRuleSet(ruleSet, 2018).items[1]!.conditions).toEqual({
      any: [
        { fact: 'housing', path: '$.safetyGrade', operator: 'in', value: ['A', 'B'] },
        { not: { fact: 'water', path: '$.fetchMinutes', operator: 'greaterThan', value: 20 } },
      ],
    });
  });

  it('leaves a reference to another fact as it is', () => {
    expect(prepareRuleSet(ruleSet, 2018).items[2]!.conditions).toEqual({ fact: 'povertyIncidence', operator: 'lessThan', value: { fact: 'incidenceLimit' } });
  });

  it('lists the leaves of each item in document order, for explanations', () => {
    const prepared = prepareRuleSet(ruleSet, 2018);
    expect(prepared.items[1]!.leaves.map((leaf) => leaf.path)).toEqual(['$.safetyGrade', '$.fetchMinutes']);
    expect(prepared.items[0]!.leaves).toEqual([prepared.items[0]!.conditions]);
  });

  it('prepares the warnings like the items, and keeps ids, labels, groups and the year', () => {
    const prepared = prepareRuleSet(ruleSet, 2018);
    expect(prepared.year).toBe(2018);
    expect(prepared.items.map((item) => item.id)).toEqual(['rich', 'housing', 'referenced']);
    expect(prepared.warnings.map((item) => [item.id, item.conditions])).toEqual([['short', { fact: 'shortestNoticeDays', operator: 'lessThan', value: 7 }]]);
    expect(prepared.items[0]!.label).toEqual(ruleSet.items[0]!.label);
    expect(prepared.parameters.year).toBe(2018);
  });

  it('does not change the rule set it binds', () => {
    const before = structuredClone(ruleSet);
    prepareRuleSet(ruleSet, 2018);
    expect(ruleSet).toEqual(before);
  });

  it('refuses a year missing from a table an item uses, naming the parameter and the year', () => {
    expect(() => prepareRuleSet(ruleSet, 2019)).toThrow(RuleSetYearMissingError);
    expect(() => prepareRuleSet(ruleSet, 2019)).toThrow(/line for 2019/);
  });

  it('refuses a {param} the rule set does not define', () => {
    const broken = aRuleSet({ parameters: {}, items: [anItem('rich', { fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'line' } })] });
    expect(() => prepareRuleSet(broken, 2018)).toThrow(ParameterMissingError);
  });
});
