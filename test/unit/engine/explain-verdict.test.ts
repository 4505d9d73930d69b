import { describe, expect, it } from 'vitest';
import { determinationId } from '../../../src/engine/determination-id.js';
import { FactsBuilder, type Facts } from '../../../src/engine/facts.js';
import type { ItemEvaluator } from '../../../src/engine/evaluators.js';
import { explainVerdict, judge, type Subject } from '../../../src/engine/judge.js';
import type { ItemOutcome } from '../../../src/engine/verdict.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import { aRuleSet, anItem } from '../../helpers/builders.js';

const ruleSet = aRuleSet({
  parameters: { line: { byYear: { '2018': 3535 } }, grades: ['A', 'B'], minLitres: 40, maxMinutes: 20 },
  items: [
    anItem('income', { fact: 'incomePerCapita', operator: 'greaterThan', value: { param: 'line' } }),
    anItem('water', {
      all: [
        { fact: 'water', path: '$.qualityOk', operator: 'equal', value: true },
        { fact: 'water', path: '$.litresPerPersonDay', operator: 'greaterThanInclusive', value: { param: 'minLitres' } },
        { fact: 'water', path: '$.fetchMinutes', operator: 'lessThanInclusive', value: { param: 'maxMinutes' } },
      ],
    }),
    anItem('housing', {
      any: [
        { all: [{ fact: 'housing', path: '$.relocated', operator: 'equal', value: true }, { fact: 'housing', path: '$.movedIn', operator: 'equal', value: true }] },
        { fact: 'housing', path: '$.safetyGrade', operator: 'in', value: { param: 'grades' } },
      ],
    }),
    anItem('incidence', { fact: 'povertyIncidence', operator: 'lessThan', value: { fact: 'incidenceLimit' } }),
    anItem('not-excluded', { not: { fact: 'outcome', operator: 'equal', value: 'fail' } }),
    anItem('education', { fact: 'schoolAgeDropout', operator: 'equal', value: false }),
  ],
  warnings: [anItem('notice-too-short', { fact: 'shortestNoticeDays', operator: 'lessThan', value: 7 })],
});
const prepared = prepareRuleSet(ruleSet, 2018);

function someFacts(change: (builder: FactsBuilder) => void = () => {}): Facts {
  const builder = new FactsBuilder()
    .set('incomePerCapita', 4210.5)
    .set('water', { qualityOk: true, litresPerPersonDay: 60, fetchMinutes: 25, reliabilityPct: 98 })
    .set('housing', { relocated: false, movedIn: null, safetyGrade: 'B' })
    .set('povertyIncidence', 0.025)
    .set('incidenceLimit', 0.03)
    .set('outcome', 'pass')
    .set('schoolAgeDropout', null, ['members[1].schooling', 'members[2].age'])
    .set('shortestNoticeDays', 7);
  change(builder);
  return builder.build();
}

const subject: Subject = { type: 'household', id: 'H-0001' };

/** Items: income, water, housing, incidence, not-excluded, education; then the warning. */
function explain(outcomes: ItemOutcome[], facts = someFacts(), who: Subject = subject) {
  return explainVerdict(prepared, who, facts, outcomes);
}

const usual: ItemOutcome[] = ['pass', 'fail', 'pass', 'pass', 'pass', 'unknown', 'fail'];

describe('explainVerdict', () => {
  it('gives a one-condition item the fact itself as actual and the requirement with the resolved parameter', () => {
    expect(explain(usual).items[0]).toEqual({ id: 'income', outcome: 'pass', label: ruleSet.items[0]!.label, actual: 4210.5, expected: '> 3535' });
  });

  it('resolves a compared fact in the requirement', () => {
    expect(explain(usual).items[3]).toMatchObject({ actual: 0.025, expected: '< 0.03' });
  });

  it('gives a several-condition item each value by field name, and the whole requirement in words', () => {
    expect(explain(usual).items[1]).toMatchObject({
      id: 'water',
      outcome: 'fail',
      actual: { 'water.qualityOk': true, 'water.litresPerPersonDay': 60, 'water.fetchMinutes': 25 },
      expected: 'water.qualityOk = true and water.litresPerPersonDay ≥ 40 and water.fetchMinutes ≤ 20',
    });
  });

  it('brackets nested groups, writes lists as JSON and reports a missing value as null', () => {
    expect(explain(usual).items[2]).toMatchObject({
      actual: { 'housing.relocated': false, 'housing.movedIn': null, 'housing.safetyGrade': 'B' },
      expected: '(housing.relocated = true and housing.movedIn = true) or housing.safetyGrade in ["A","B"]',
    });
  });

  it('writes a negated condition with its fact name, and its value by name', () => {
    expect(explain(usual).items[4]).toMatchObject({ actual: { outcome: 'pass' }, expected: 'not (outcome = fail)' });
  });

  it('lists missing fields only on unknown items', () => {
    const verdict = explain(usual);
    expect(verdict.items.filter((item) => item.outcome !== 'unknown').every((item) => !('missing' in item))).toBe(true);
    expect(verdict.items[5]).toEqual({
      id: 'education',
      outcome: 'unknown',
      label: ruleSet.items[5]!.label,
      actual: null,
      expected: '= false',
      missing: ['members[1].schooling', 'members[2].age'],
    });
  });

  it('names the record field behind a missing path of an object fact', () => {
    const facts = someFacts((b) => b.set('water', { qualityOk: true, litresPerPersonDay: null, fetchMinutes: 5 }));
    expect(explain(['pass', 'unknown', 'pass', 'pass', 'pass', 'pass', 'fail'], facts).items[1]!.missing).toEqual(['water.litresPerPersonDay']);
  });

  it('names the fields behind a missing compared fact', () => {
    const facts = someFacts((b) => b.set('incidenceLimit', null, ['county.region']));
    expect(explain(['pass', 'pass', 'pass', 'unknown', 'pass', 'pass', 'fail'], facts).items[3]!.missing).toEqual(['county.region']);
  });

  it('collects every missing field of the verdict once, sorted', () => {
    const facts = someFacts((b) => b.set('incomePerCapita', null).set('povertyIncidence', null, ['ruralRegisteredPopulation']));
    const verdict = explain(['unknown', 'fail', 'pass', 'unknown', 'pass', 'unknown', 'fail'], facts);
    expect(verdict.missing).toEqual(['incomePerCapita', 'members[1].schooling', 'members[2].age', 'ruralRegisteredPopulation']);
  });

  it('reports a warning only when it fires', () => {
    expect(explain(usual).warnings).toEqual([]);
    expect(explain([...usual.slice(0, 6), 'unknown']).warnings).toEqual([]);
    const facts = someFacts((b) => b.set('shortestNoticeDays', 5));
    expect(explain([...usual.slice(0, 6), 'pass'], facts).warnings).toEqual([
      { id: 'notice-too-short', label: ruleSet.warnings[0]!.label, actual: 5, expected: '< 7' },
    ]);
  });

  it('does not let a warning change the outcome', () => {
    const quiet = explain(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'fail']);
    const loud = explain(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(loud.outcome).toBe(quiet.outcome);
    expect(loud.reasons).toEqual(quiet.reasons);
  });

  it('decides the outcome with the rule set’s decision, labels it and names the reasons', () => {
    const verdict = explain(usual);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.outcomeLabel).toEqual(ruleSet.outcomeLabels.fail);
    expect(verdict.reasons).toEqual(['water']);
    expect(explain(['pass', 'pass', 'pass', 'pass', 'pass', 'unknown', 'fail']).outcome).toBe('unknown');
  });

  it('identifies the subject, the rule-set version and the year, with the determination id over the facts judged', () => {
    const facts = someFacts();
    const verdict = explain(usual, facts);
    expect(verdict).toMatchObject({ subjectType: 'household', subjectId: 'H-0001', ruleSetId: 'household-exit', ruleSetVersion: 1, year: 2018 });
    expect(verdict.determinationId).toBe(
      determinationId('household-exit', 1, 2018, { subject: 'household:H-0001', facts: facts.values, missing: facts.missing, figures: null }),
    );
  });

  it('changes the determination id when a fact changes, and only then', () => {
    const before = explain(usual, someFacts());
    expect(explain(usual, someFacts()).determinationId).toBe(before.determinationId);
    const changed = someFacts((b) => b.set('incomePerCapita', 9999));
    expect(explain(usual, changed).determinationId).not.toBe(before.determinationId);
  });

  it('carries figures only for a subject that has them', () => {
    expect('figures' in explain(usual)).toBe(false);
    const village: Subject = { type: 'village', id: 'V-001', figures: { numerator: 20, denominator: 800, ratio: 0.025 } };
    expect(explain(usual, someFacts(), village).figures).toEqual({ numerator: 20, denominator: 800, ratio: 0.025 });
  });
});

describe('judge', () => {
  const outcomesOf = (): ItemOutcome[] => ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'fail'];

  it('stays synchronous with a synchronous evaluator', () => {
    const evaluator: ItemEvaluator = { name: 'fixed', evaluate: outcomesOf };
    const verdict = judge(evaluator, prepared, subject, someFacts());
    expect(verdict).not.toBeInstanceOf(Promise);
    expect((verdict as { outcome: string }).outcome).toBe('pass');
  });

  it('waits for an asynchronous evaluator', async () => {
    const evaluator: ItemEvaluator = { name: 'later', evaluate: async () => outcomesOf() };
    const verdict = judge(evaluator, prepared, subject, someFacts());
    expect(verdict).toBeInstanceOf(Promise);
    expect((await verdict).outcome).toBe('pass');
  });
});
