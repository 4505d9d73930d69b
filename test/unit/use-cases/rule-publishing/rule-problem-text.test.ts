import { describe, expect, it } from 'vitest';
import { englishWord, RULE_PROBLEM_ENGLISH, type ProblemWord } from '../../../../src/engine/rule-set-problem.js';
import { MESSAGES, render, type MessageKey } from '../../../../src/i18n/messages.js';
import { checkDraftSchema } from '../../../../src/use-cases/rule-publishing/check-draft.js';
import { describeProblem } from '../../../../src/use-cases/rule-publishing/gate-report.js';
import { draft } from './publishing-fixtures.js';

describe("the gate's problems in the catalogue", () => {
  it("keeps each engine problem's English in the catalogue identical to the engine's own sentence", () => {
    for (const [code, english] of Object.entries(RULE_PROBLEM_ENGLISH)) {
      const key = `ruleProblem.${code}` as MessageKey;
      expect(Object.hasOwn(MESSAGES, key), key).toBe(true);
      expect(MESSAGES[key].en, key).toBe(english);
    }
  });

  it('says each word of a problem in English as the engine does', () => {
    const words: ProblemWord[] = ['number', 'boolean', 'string', 'object', 'array', 'null', 'list', 'an-object'].map((word) => ({ word }) as ProblemWord);
    words.push({ word: 'the-string', value: '"yes"' }, { word: 'the-number', value: '3' }, { word: 'the-boolean', value: 'true' });
    for (const word of words) {
      expect(render('en', { key: `ruleWord.${word.word}` as MessageKey, params: word.value === undefined ? {} : { value: word.value } })).toBe(englishWord(word));
    }
  });

  it.each([
    ['an unknown field', (d: Record<string, unknown>) => ({ ...d, colour: 'red' }), '规则集中没有这些字段：colour'],
    ['a number where a text goes', (d: Record<string, unknown>) => ({ ...d, changeNote: 7 }), '应为'],
    ['a missing field', (d: Record<string, unknown>) => ({ ...d, effectiveFrom: undefined }), '缺失'],
    ['an id not in kebab-case', (d: Record<string, unknown>) => ({ ...d, id: 'Household_Exit' }), '规则集编号须为小写短横线形式'],
    ['a duplicate item id', (d: Record<string, unknown>) => ({ ...d, items: [...(d.items as unknown[]), (d.items as unknown[])[0]] }), '条目编号 income 重复'],
    ['a year key that is not a year', (d: Record<string, unknown>) => ({ ...d, parameters: { ...(d.parameters as object), exitLine: { byYear: { '20x8': 1 } } } }), 'byYear / byRegion 表的格式不对'],
  ])('says %s in Chinese, never falling back to the English of zod', (_name, breakIt, said) => {
    const { step } = checkDraftSchema(breakIt(draft('household-exit-v2')));
    expect(step.ok).toBe(false);
    const lines = step.problems.map((problem) => describeProblem(problem, 'zh'));
    expect(lines.join('\n')).toContain(said);
    for (const line of lines) expect(line).not.toMatch(/Invalid|expected|received|Unrecognized/);
  });
});
