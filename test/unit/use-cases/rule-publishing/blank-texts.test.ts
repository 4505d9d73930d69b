import { describe, expect, it } from 'vitest';
import { blankTexts } from '../../../../src/use-cases/rule-publishing/blank-texts.js';
import { aRuleSet, parameterInfoFor } from '../../../helpers/builders.js';

describe('blank texts', () => {
  it('are none in a rule set whose every text reads', () => {
    expect(blankTexts(aRuleSet())).toEqual([]);
  });

  it('include a parameter label or provincial note of spaces, named by its path', () => {
    const info = parameterInfoFor({ line: 0 })['line']!;
    const ruleSet = aRuleSet({ parameterInfo: { line: { ...info, label: { zh: '  ', en: 'line' }, provincialVariation: { zh: '各省不同', en: ' ' } } } });
    expect(blankTexts(ruleSet)).toEqual([
      { path: 'parameterInfo.line.label.zh', message: 'the zh text is blank' },
      { path: 'parameterInfo.line.provincialVariation.en', message: 'the en text is blank' },
    ]);
  });
});
