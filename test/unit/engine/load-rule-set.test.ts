import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../../src/adapters/file/rule-set-files.js';
import type { Condition } from '../../../src/engine/condition-schema.js';
import { RuleSetInvalidError } from '../../../src/engine/errors.js';
import { loadRuleSet } from '../../../src/engine/load-rule-set.js';
import type { RuleSetInput } from '../../../src/engine/rule-set-schema.js';
import { aRuleSetDocument, anItem } from '../../helpers/builders.js';

/** The problems loadRuleSet refuses a document with; fails the test when it is accepted. */
function problemsOf(document: unknown, years: number[] = []): { path: string; message: string }[] {
  try {
    loadRuleSet(document, catalogueOf, years);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetInvalidError);
    return (error as RuleSetInvalidError).problems.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('the document was accepted');
}

/** A document with one item holding `condition`. */
function withCondition(condition: unknown): RuleSetInput {
  return aRuleSetDocument({ items: [anItem('x', condition as Condition)] });
}

const income = { fact: 'incomePerCapita', operator: 'greaterThan', value: 1 } as const;

describe('loadRuleSet', () => {
  it('accepts a valid document and fills in the defaults', () => {
    const ruleSet = loadRuleSet(aRuleSetDocument(), catalogueOf);
    expect(ruleSet.id).toBe('household-exit');
    expect(ruleSet.warnings).toEqual([]);
    expect(ruleSet.indicators).toEqual([]);
  });

  it('refuses with a typed error carrying the code and the rule-set id', () => {
    expect(() => loadRuleSet(withCondition({ ...income, fact: 'nope' }), catalogueOf)).toThrow(
      expect.objectContaining({ code: 'RULE_SET_INVALID', ruleSetId: 'household-exit' }),
    );
  });

  it('refuses schema errors with the JSON path of each, all at once', () => {
    const problems = problemsOf(aRuleSetDocument({ version: 0, effectiveFrom: '2014-13-01', references: [] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'version', message: expect.any(String) },
        { path: 'effectiveFrom', message: 'effectiveFrom must be a date like 2014-01-01' },
        { path: 'references', message: expect.any(String) },
      ]),
    );
  });

  it('refuses a document that is not an object, at the root', () => {
    expect(problemsOf('rules')).toEqual([{ path: '(root)', message: expect.any(String) }]);
    expect(problemsOf(null)).toEqual([{ path: '(root)', message: expect.any(String) }]);
  });

  it('refuses an unknown operator with a message naming the operator field and the operator', () => {
    const problems = problemsOf(withCondition({ ...income, operator: 'approximately' }));
    expect(problems).toEqual([{ path: 'items.0.conditions.operator', message: expect.stringContaining('unknown operator "approximately"') }]);
  });

  it('refuses an unknown operator deep in a condition, naming its place', () => {
    const problems = problemsOf(withCondition({ all: [income, { not: { ...income, operator: 'approximately' } }] }));
    expect(problems.map((p) => p.path)).toEqual(['items.0.conditions.all.1.not.operator']);
  });

  it('refuses an item label without zh, naming the field', () => {
    const document = aRuleSetDocument();
    const item = { ...document.items[0]!, label: { en: 'rich' } } as unknown as RuleSetInput['items'][number];
    expect(problemsOf({ ...document, items: [item] })).toEqual([{ path: 'items.0.label.zh', message: expect.any(String) }]);
  });

  it('refuses an empty zh label with the message that asks for Chinese text', () => {
    const document = aRuleSetDocument();
    const item = { ...document.items[0]!, label: { zh: '', en: 'rich' } };
    expect(problemsOf({ ...document, items: [item] })).toEqual([{ path: 'items.0.label.zh', message: 'a Chinese (zh) text is required' }]);
  });

  it('refuses an empty `all`, which json-rules-engine would read as true', () => {
    expect(problemsOf(withCondition({ all: [] }))).toEqual([{ path: 'items.0.conditions.all', message: expect.stringContaining('>=1') }]);
  });

  it('refuses an empty `any` deep in a condition', () => {
    expect(problemsOf(withCondition({ not: { any: [] } })).map((p) => p.path)).toEqual(['items.0.conditions.not.any']);
  });

  it('refuses a condition with a field the rule language does not have', () => {
    expect(problemsOf(withCondition({ ...income, params: {} }))).toEqual([{ path: 'items.0.conditions', message: expect.stringContaining('params') }]);
  });

  it('refuses an unknown fact of the standard, naming the fact', () => {
    expect(problemsOf(withCondition({ ...income, fact: 'incomePerHead' }))).toEqual([
      { path: 'items.0.conditions.fact', message: expect.stringContaining('"incomePerHead"') },
    ]);
  });

  it('refuses an unknown path field of a fact, naming the fact and the field', () => {
    expect(problemsOf(withCondition({ fact: 'water', path: '$.colour', operator: 'equal', value: 'blue' }))).toEqual([
      { path: 'items.0.conditions.fact', message: expect.stringMatching(/water has no field "colour"/) },
    ]);
  });

  it('refuses a numeric operator on a boolean fact', () => {
    expect(problemsOf(withCondition({ fact: 'electricity', operator: 'lessThan', value: 1 }))).toEqual([
      { path: 'items.0.conditions.operator', message: expect.stringContaining('the fact is boolean') },
    ]);
  });

  it('refuses `in` with a value that is not a list', () => {
    expect(problemsOf(withCondition({ fact: 'housing', path: '$.safetyGrade', operator: 'in', value: 'A' }))).toEqual([
      { path: 'items.0.conditions.value', message: 'in needs a list value, got string' },
    ]);
  });

  it('refuses an unknown parameter, naming it', () => {
    expect(problemsOf(withCondition({ ...income, value: { param: 'exitLine' } }))).toEqual([
      { path: 'items.0.conditions.value.param', message: 'unknown parameter "exitLine"' },
    ]);
  });

  it('refuses a year of the data that a year-keyed table lacks', () => {
    expect(problemsOf(aRuleSetDocument(), [2018, 2019])).toEqual([{ path: 'parameters.line.byYear', message: 'no value for 2019' }]);
  });

  it('refuses a year-keyed table whose keys are not four-digit years, naming the table', () => {
    expect(problemsOf(aRuleSetDocument({ parameters: { line: { byYear: { '2018 ': 3535 } } } }))).toEqual([
      { path: expect.stringMatching(/^parameters\.line/), message: expect.any(String) },
    ]);
  });

  it('refuses a rule set of no known standard', () => {
    expect(problemsOf(aRuleSetDocument({ id: 'tax-rebate' }))).toEqual([{ path: 'id', message: 'no standard is called tax-rebate' }]);
  });

  it('refuses two items with the same id', () => {
    const item = aRuleSetDocument().items[0]!;
    expect(problemsOf(aRuleSetDocument({ items: [item, item] }))).toEqual([{ path: 'items.1.id', message: 'duplicate item id rich' }]);
  });

  it('refuses a decision outcome without a zh/en label', () => {
    const document = aRuleSetDocument();
    expect(problemsOf({ ...document, outcomeLabels: { pass: document.outcomeLabels.pass, fail: document.outcomeLabels.fail } })).toEqual([
      { path: 'outcomeLabels.unknown', message: 'outcome unknown has no zh/en label' },
    ]);
  });

  it('refuses a decision naming a group or an item no item has', () => {
    const problems = problemsOf(
      aRuleSetDocument({
        decision: { rules: [{ outcome: 'fail', when: { some: 'fail', group: 'prohibition' } }, { outcome: 'fail', when: { some: 'fail', items: ['poor'] } }], otherwise: 'pass' },
      }),
    );
    expect(problems).toEqual([
      { path: 'decision.rules.0.when.group', message: 'no item has group prohibition' },
      { path: 'decision.rules.1.when.items', message: 'no item poor' },
    ]);
  });

  it('refuses a rule set with items but no decision', () => {
    const document = aRuleSetDocument();
    delete document.decision;
    expect(problemsOf(document)).toEqual([{ path: 'decision', message: 'a rule set with items needs a decision' }]);
  });
});
