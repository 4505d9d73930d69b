import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { PARAMETER_UNITS } from '../../../src/engine/parameter-info.js';
import { RuleSetSchema, type RuleSet } from '../../../src/engine/rule-set-schema.js';
import { aRuleSetDocument, parameterInfoFor } from '../../helpers/builders.js';
import { RULES_DIR, repositoryRuleSets } from '../../helpers/repository-rule-sets.js';

const issuesOf = (document: unknown) => (RuleSetSchema.safeParse(document).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the parameters of a rule set', () => {
  it('each need a label, a unit and a reference', () => {
    const document = aRuleSetDocument({ parameters: { line: { byYear: { '2018': 3535 } }, minutes: 20 }, parameterInfo: parameterInfoFor({ line: 0 }) });
    expect(issuesOf(document)).toEqual(['parameterInfo.minutes: parameter minutes has no label, unit and reference']);
  });

  it('may not describe a parameter the rule set lacks', () => {
    const document = aRuleSetDocument({ parameterInfo: parameterInfoFor({ line: 0, gone: 0 }) });
    expect(issuesOf(document)).toEqual(['parameterInfo.gone: no parameter gone']);
  });

  it('take their unit from the closed list, and their references with document, section and date', () => {
    const info = parameterInfoFor({ line: 0 });
    const bad = { line: { ...info['line']!, unit: 'kilometres' as never, reference: [{ document: '《意见》', section: '', date: 'April 2016' }] } };
    expect(issuesOf(aRuleSetDocument({ parameterInfo: bad }))).toEqual([
      expect.stringMatching(/^parameterInfo\.line\.unit: a unit is one of yuan-per-person-year, /),
      'parameterInfo.line.reference.0.section: a reference names the article or section',
      'parameterInfo.line.reference.0.date: a reference date is 2016-04-23, 2016-04 or 2016',
    ]);
  });

  it('may carry a unit per field of a parameter made of several numbers', () => {
    const parameters = { redFlag: { top: 3, minScore: 90 } };
    const info = { redFlag: { ...parameterInfoFor(parameters)['redFlag']!, unit: { top: 'count' as const, minScore: 'points' as const } } };
    expect(issuesOf(aRuleSetDocument({ parameters, parameterInfo: info, items: [] , decision: undefined }))).toEqual([]);
  });

  it('every unit has a zh and an en display text', () => {
    for (const text of Object.values(PARAMETER_UNITS)) expect(text.zh.trim() && text.en.trim()).toBeTruthy();
  });
});

describe('the reviewed rule sets', () => {
  it('give every parameter a zh/en label, a unit with its display text and a dated reference to a named document', async () => {
    for (const ruleSet of await repositoryRuleSets()) {
      for (const name of Object.keys(ruleSet.parameters)) {
        const info = ruleSet.parameterInfo[name];
        expect(info, `${ruleSet.id} ${name}`).toBeDefined();
        expect(info!.label.zh.trim() && info!.label.en.trim()).toBeTruthy();
        const units = typeof info!.unit === 'string' ? [info!.unit] : Object.values(info!.unit);
        for (const unit of units) expect(PARAMETER_UNITS[unit]).toBeDefined();
        for (const reference of info!.reference) {
          // A real document is cited by its title in 《》, never by a file of this repository.
          expect(reference.document, `${ruleSet.id} ${name}`).toMatch(/《.+》/);
          expect(reference.document + reference.section).not.toMatch(/standards\.md|seeds|§/);
        }
      }
      for (const reference of ruleSet.references) expect(reference, ruleSet.id).not.toMatch(/standards\.md|seeds\/|§/);
    }
  });

  it('household-exit v1 reads, parameter by parameter, with label, unit and source', async () => {
    const exit = (await repositoryRuleSets()).find((r) => r.id === 'household-exit' && r.version === 1) as RuleSet;
    const read = Object.entries(exit.parameterInfo).map(([name, info]) => [name, info.unit, info.reference[0]?.document.match(/《[^》]+》/)?.[0]]);
    expect(read).toEqual([
      ['exitLine', 'yuan-per-person-year', '《中国农村扶贫开发纲要（2011—2020年）》'],
      ['compulsorySchoolingAge', 'years-of-age', '《中华人民共和国义务教育法》'],
      ['safeHousingGrades', 'grades', '《农村危险房屋鉴定技术导则（试行）》'],
      ['minWaterLitresPerPersonDay', 'litres-per-person-day', '《农村饮水安全评价准则》'],
      ['maxWaterFetchMinutes', 'minutes', '《农村饮水安全评价准则》'],
      ['minWaterReliabilityPct', 'percent', '《农村饮水安全评价准则》'],
      ['deprivationWeights', 'points', '《关于建立贫困退出机制的意见》'],
      ['deprivationCutoff', 'points', '《Counting and multidimensional poverty measurement》'],
    ]);
  });

  // The labels that quote a threshold now take it from the parameter: what a verdict shows must
  // be, byte for byte, what the labels said when they were written out by hand.
  it.each([
    ['household-exit', 'education', 'en', 'compulsory education assured (no member aged 6–15 dropped out)'],
    ['household-exit', 'housing', 'en', 'safe housing (grade A or B, or relocated and moved in)'],
    ['identification', 'vehicle', 'zh', '不准：拥有价值3万元及以上车辆或机械（自用农机除外）'],
    ['identification', 'vehicle', 'en', 'prohibition: no vehicle or machinery worth 30,000 yuan or more (own farm machinery excepted)'],
    ['identification', 'away', 'zh', '不准：全家外出一年及以上'],
    ['identification', 'away', 'en', 'prohibition: the family has not lived away for 12 months or more'],
    ['identification', 'income-far-below', 'zh', '优先：深度贫困（人均纯收入低于标准的60%）'],
    ['identification', 'income-far-below', 'en', 'priority: deep poverty (income below 60% of the line)'],
    ['identification', 'dropout', 'en', 'priority: a member aged 6–15 dropped out of compulsory schooling'],
    ['identification', 'unsafe-house', 'zh', '优先：无房或唯一住房为C、D级危房'],
    ['identification', 'unsafe-house', 'en', 'priority: no house, or the only house is grade C or D'],
    ['identification', 'notice-too-short', 'zh', '公示期不足7天'],
    ['identification', 'notice-too-short', 'en', 'a public notice was shorter than 7 days'],
    ['return-risk', 'low-income', 'zh', '人均纯收入低于扶贫标准的1.5倍'],
    ['return-risk', 'low-income', 'en', 'income per capita below 1.5 times the line'],
  ] as const)('%s %s shows its %s label as before: %s', async (id, item, language, text) => {
    const file = JSON.parse(readFileSync(join(RULES_DIR, id, 'v1.json'), 'utf8')) as { items: { id: string; label: Record<string, string> }[]; warnings?: { id: string; label: Record<string, string> }[] };
    const written = [...file.items, ...(file.warnings ?? [])].find((i) => i.id === item)!;
    expect(written.label[language]).toContain('{');
    const ruleSet = (await repositoryRuleSets()).find((r) => r.id === id && r.version === 1)!;
    const prepared = prepareRuleSet(ruleSet, 2018);
    expect([...prepared.items, ...prepared.warnings].find((i) => i.id === item)?.label[language]).toBe(text);
  });
});
