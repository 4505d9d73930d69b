import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleSetSchema, type RuleSet } from '../../../src/engine/rule-set-schema.js';
import { aRuleSet, anItem } from '../../helpers/builders.js';
import { RULES_DIR } from '../../helpers/repository-rule-sets.js';

/** Han characters, CJK punctuation (、。「」) and fullwidth forms (（）：，): none belongs in English text. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const HAN = /\p{Script=Han}/u;

/** Every text of a rule set shown to people, with where it is. */
function textsOf(ruleSet: RuleSet): { where: string; text: unknown }[] {
  return [
    { where: 'description', text: ruleSet.description },
    ...ruleSet.items.map((item, i) => ({ where: `items.${i} (${item.id}).label`, text: item.label })),
    ...ruleSet.warnings.map((item, i) => ({ where: `warnings.${i} (${item.id}).label`, text: item.label })),
    ...ruleSet.indicators.flatMap((indicator, i) => [
      { where: `indicators.${i} (${indicator.id}).label`, text: indicator.label },
      { where: `indicators.${i} (${indicator.id}).description`, text: indicator.description },
    ]),
    ...Object.entries(ruleSet.outcomeLabels).map(([outcome, label]) => ({ where: `outcomeLabels.${outcome}`, text: label })),
  ];
}

/** What is wrong with the texts of a rule set: a missing or blank language, Chinese without Han, English with CJK. */
function labelProblems(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  for (const { where, text } of textsOf(ruleSet)) {
    const { zh, en } = (text ?? {}) as { zh?: unknown; en?: unknown };
    if (typeof zh !== 'string' || zh.trim() === '') problems.push(`${where}.zh is empty`);
    else if (!HAN.test(zh)) problems.push(`${where}.zh has no Chinese character: ${JSON.stringify(zh)}`);
    if (typeof en !== 'string' || en.trim() === '') problems.push(`${where}.en is empty`);
    else if (CJK.test(en)) problems.push(`${where}.en has a CJK character: ${JSON.stringify(en)}`);
  }
  if (ruleSet.decision) {
    for (const outcome of [...ruleSet.decision.rules.map((rule) => rule.outcome), ruleSet.decision.otherwise]) {
      if (!Object.hasOwn(ruleSet.outcomeLabels, outcome)) problems.push(`decision outcome ${outcome} has no outcomeLabel`);
    }
  }
  return problems;
}

const files = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(RULES_DIR, entry.name)).filter((name) => /^v\d+\.json$/.test(name)).map((name) => `${entry.name}/${name}`))
  .sort();

describe('the localised texts of the rule sets', () => {
  it('finds every rule-set file of the repository', () => {
    expect(files).toEqual(expect.arrayContaining(['household-exit/v1.json', 'identification/v1.json', 'return-risk/v1.json', 'village-exit/v1.json', 'county-exit/v1.json', 'accountability/v1.json']));
  });

  it.each(files)('%s gives every label and description in Chinese and in English, and every decision outcome a label', (file) => {
    const ruleSet = RuleSetSchema.parse(JSON.parse(readFileSync(join(RULES_DIR, file), 'utf8')));
    expect(labelProblems(ruleSet)).toEqual([]);
  });
});

describe('the label check itself', () => {
  it('reports English text in the Chinese slot and Chinese text in the English slot', () => {
    const ruleSet = aRuleSet({ items: [{ ...anItem('rich', { fact: 'incomePerCapita', operator: 'greaterThan', value: 1 }), label: { zh: 'income', en: '收入（元）' } }] });
    expect(labelProblems(ruleSet)).toEqual(['items.0 (rich).label.zh has no Chinese character: "income"', 'items.0 (rich).label.en has a CJK character: "收入（元）"']);
  });

  it('reports blank texts and fullwidth punctuation in English', () => {
    const ruleSet = aRuleSet({ description: { zh: '  ', en: 'exit：income' } });
    expect(labelProblems(ruleSet)).toEqual(['description.zh is empty', 'description.en has a CJK character: "exit：income"']);
  });

  it('reports a decision outcome without a label', () => {
    const ruleSet = aRuleSet();
    const unlabelled = { ...ruleSet, decision: { ...ruleSet.decision!, otherwise: 'maybe' } };
    expect(labelProblems(unlabelled)).toEqual(['decision outcome maybe has no outcomeLabel']);
  });
});
