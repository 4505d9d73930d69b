import { describe, expect, it } from 'vitest';
import { labelTemplateProblems, placeholdersOf, renderLabel } from '../../../src/engine/label-template.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { aRuleSet, anItem } from '../../helpers/builders.js';

const parameters = {
  age: { min: 6, max: 15 },
  grades: ['A', 'B', 'C'],
  vehicle: 30000,
  share: 0.07,
  months: 12,
  multiple: 1.5,
  line: { byYear: { '2018': 3535 } },
  limit: { byRegion: { west: 0.03, central: 0.02, east: 0.02 } },
  mode: 'consecutive',
};

const en = (text: string) => renderLabel({ zh: '标签', en: text }, parameters).en;
const zh = (text: string) => renderLabel({ zh: text, en: 'label' }, parameters).zh;

describe('label templates', () => {
  it('read a placeholder as a parameter, a dotted path into it and a format', () => {
    expect(placeholdersOf('aged {age.min}–{age.max}, worth {vehicle|grouped}')).toEqual([
      { text: '{age.min}', parameter: 'age', path: ['min'], format: undefined },
      { text: '{age.max}', parameter: 'age', path: ['max'], format: undefined },
      { text: '{vehicle|grouped}', parameter: 'vehicle', path: [], format: 'grouped' },
    ]);
  });

  it.each([
    ['aged {age.min}–{age.max}', 'aged 6–15'],
    ['worth {vehicle|grouped} yuan', 'worth 30,000 yuan'],
    ['below {share|percent}% of the line', 'below 7% of the line'],
    ['below {multiple} times the line', 'below 1.5 times the line'],
    ['grade {grades|en-list}', 'grade A, B or C'],
    ['mode {mode}', 'mode consecutive'],
  ])('render %s in English as %s', (template, expected) => {
    expect(en(template)).toBe(expected);
  });

  it.each([
    ['价值{vehicle|wan}万元', '价值3万元'],
    ['{grades|zh-list}级', 'A、B、C级'],
    ['全家外出{months|zh-years}及以上', '全家外出一年及以上'],
  ])('render %s in Chinese as %s', (template, expected) => {
    expect(zh(template)).toBe(expected);
  });

  it('write months that are no whole number of years as months in Chinese', () => {
    expect(renderLabel({ zh: '外出{months|zh-years}', en: 'x' }, { months: 18 }).zh).toBe('外出18个月');
    expect(renderLabel({ zh: '外出{months|zh-years}', en: 'x' }, { months: 24 }).zh).toBe('外出两年');
  });

  it('give back the very label when it has no placeholder', () => {
    const label = { zh: '有生活用电', en: 'electricity for daily use' };
    expect(renderLabel(label, parameters)).toBe(label);
  });

  it.each([
    ['{nothing}', 'names no parameter'],
    ['{line}', 'differs by year or region'],
    ['{limit.west}', 'differs by year or region'],
    ['{grades}', 'give it the format zh-list or en-list'],
    ['{vehicle|en-list}', 'formats a list'],
    ['{vehicle|thousands}', 'unknown format "thousands"'],
    ['{age}', 'does not name a number'],
    ['{age.mid}', 'does not name a number'],
  ])('refuse %s: %s', (template, message) => {
    const problems = labelTemplateProblems({ zh: '标签', en: template }, parameters);
    expect(problems.map((p) => ({ language: p.language, message: p.problem.message }))).toEqual([{ language: 'en', message: expect.stringContaining(message) }]);
  });
});

describe('a rule set prepared for a year', () => {
  const ruleSet = (age: { min: number; max: number }) =>
    aRuleSet({
      parameters: { age },
      items: [
        {
          ...anItem('school', { fact: 'incomePerCapita', operator: 'greaterThan', value: 0 }),
          label: { zh: '{age.min}–{age.max}岁无辍学', en: 'no member aged {age.min}–{age.max} dropped out' },
        },
      ],
    });

  it('shows the labels with the parameters quoted, so editing a parameter edits its label', () => {
    expect(prepareRuleSet(ruleSet({ min: 6, max: 15 }), 2018).items[0]?.label).toEqual({ zh: '6–15岁无辍学', en: 'no member aged 6–15 dropped out' });
    expect(prepareRuleSet(ruleSet({ min: 7, max: 16 }), 2018).items[0]?.label).toEqual({ zh: '7–16岁无辍学', en: 'no member aged 7–16 dropped out' });
  });

  it('keeps the labels of a version published before parameters carried their provenance', () => {
    const { parameterInfo: _dropped, ...stored } = aRuleSet();
    const prepared = prepareRuleSet(stored as never, 2018);
    expect(prepared.items[0]?.label).toEqual({ zh: '测试条件', en: 'test condition' });
    expect(prepared.parameters.number('line')).toBe(3535);
  });
});
