import { describe, expect, it } from 'vitest';
import { diffRuleSets } from '../../../../src/use-cases/rule-publishing/rule-set-diff.js';
import { aRuleSet, anItem } from '../../../helpers/builders.js';

const rich = anItem('rich', { fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'line' } });

describe('the diff of a draft against the version in force', () => {
  it('shows a year-table change as one parameter line', () => {
    const before = aRuleSet();
    const after = aRuleSet({ version: 2, parameters: { line: { byYear: { '2017': 3335, '2018': 4200 } } } });
    expect(diffRuleSets(before, after).parameters).toEqual([{ path: 'line.byYear.2018', before: 3535, after: 4200 }]);
  });

  it('shows parameters added and removed', () => {
    const before = aRuleSet({ parameters: { line: { byYear: { '2018': 3535 } }, old: 1 } });
    const after = aRuleSet({ parameters: { line: { byYear: { '2018': 3535 } }, minLitres: 40 } });
    expect(diffRuleSets(before, after).parameters).toEqual([
      { path: 'minLitres', before: undefined, after: 40 },
      { path: 'old', before: 1, after: undefined },
    ]);
  });

  it('matches items by id: added, removed, and changed inside their conditions', () => {
    const water = anItem('water', { fact: 'water', path: '$.litresPerPersonDay', operator: 'greaterThanInclusive', value: 40 });
    const before = aRuleSet({ items: [rich, anItem('power', { fact: 'electricity', operator: 'equal', value: true })] });
    const after = aRuleSet({ items: [{ ...rich, conditions: { fact: 'incomePerCapita', operator: 'greaterThanInclusive', value: { param: 'line' } } }, water] });
    expect(diffRuleSets(before, after).items).toEqual([
      { id: 'rich', change: 'changed', fields: [{ path: 'conditions.operator', before: 'greaterThan', after: 'greaterThanInclusive' }] },
      { id: 'water', change: 'added', fields: [] },
      { id: 'power', change: 'removed', fields: [] },
    ]);
  });

  it('lists other fields that differ, but not the version number', () => {
    const diff = diffRuleSets(aRuleSet(), aRuleSet({ version: 2, effectiveFrom: '2018-01-01' }));
    expect(diff.other).toEqual([{ path: 'effectiveFrom', before: '2014-01-01', after: '2018-01-01' }]);
    expect(diff.items).toEqual([]);
    expect(diff.parameters).toEqual([]);
  });
});
