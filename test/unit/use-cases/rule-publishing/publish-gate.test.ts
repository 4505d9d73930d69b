import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import type { Stores } from '../../../../src/ports/stores.js';
import type { GateReport, GateStepName } from '../../../../src/use-cases/rule-publishing/gate-report.js';
import { runPublishGate } from '../../../../src/use-cases/rule-publishing/run-publish-gate.js';
import { findStoredRuns } from '../../../../src/use-cases/rule-publishing/stored-runs.js';
import { repositoryRuleSets } from '../../../helpers/repository-rule-sets.js';
import { draft, draftCases, gateInput, repositoryCases, storeWithExampleRun } from './publishing-fixtures.js';

const stepsOf = (report: GateReport) => report.steps.map((s) => [s.step, s.ok] as [GateStepName, boolean]);
const failing = (report: GateReport) => report.steps.find((s) => !s.ok);

describe('the publish gate on a store holding a 2018Q3 run of the worked example', () => {
  let stores: Stores;
  let years: readonly number[];

  beforeAll(async () => {
    stores = createMemoryStores();
    await storeWithExampleRun(stores);
    years = (await findStoredRuns(stores.runs, await repositoryRuleSets())).years;
  });

  const gate = async (document: unknown, cases: unknown, publishing = true) =>
    (await runPublishGate(stores, await gateInput(document, cases, { years, requireNextVersion: publishing }))).report;

  it('finds the years and the latest quarter of the runs the store holds', async () => {
    expect(await findStoredRuns(stores.runs, await repositoryRuleSets())).toEqual({ quarters: ['2018Q3'], years: [2018], latestQuarter: '2018Q3' });
  });

  it('refuses a draft reading an unknown fact at the static step, naming the fact and its path', async () => {
    const report = await gate(draft('unknown-fact'), draftCases('household-exit-v2'));
    expect(stepsOf(report)).toEqual([['schema', true], ['version', true], ['static', false]]);
    expect(failing(report)?.problems).toEqual([expect.objectContaining({ path: 'items.0.conditions.fact', fact: 'incomePerPerson' })]);
    expect(failing(report)?.problems[0]?.message).toContain('unknown fact "incomePerPerson"');
  });

  it('refuses a misspelled operator at the schema step and runs no later step', async () => {
    const report = await gate(draft('misspelled-operator'), draftCases('household-exit-v2'));
    expect(stepsOf(report)).toEqual([['schema', false]]);
    expect(failing(report)?.problems).toEqual([{ path: 'items.0.conditions.operator', message: expect.stringContaining('unknown operator "greaterThen"') }]);
  });

  it('refuses a label without its Chinese text, naming the label', async () => {
    const report = await gate(draft('missing-zh-label'), draftCases('household-exit-v2'));
    expect(stepsOf(report)).toEqual([['schema', false]]);
    expect(failing(report)?.problems).toEqual([{ path: 'items.4.label.zh', message: expect.stringContaining('Chinese (zh) text is required') }]);
  });

  it('refuses a label quoting a parameter the draft does not have, at the static step', async () => {
    const document = draft('household-exit-v2') as { items: { label: { zh: string; en: string } }[] };
    document.items[1]!.label.en = 'no member aged {schoolAge.min}–{schoolAge.max} dropped out';
    const report = await gate(document, draftCases('household-exit-v2'));
    expect(stepsOf(report)).toEqual([['schema', true], ['version', true], ['static', false]]);
    expect(failing(report)?.problems).toEqual([
      { path: 'items.1.label.en', message: '{schoolAge.min} names no parameter of the rule set' },
      { path: 'items.1.label.en', message: '{schoolAge.max} names no parameter of the rule set' },
    ]);
  });

  it('refuses a draft whose parameter has no label, unit and reference, at the schema step', async () => {
    const document = draft('household-exit-v2') as { parameterInfo: Record<string, unknown> };
    delete document.parameterInfo['maxWaterFetchMinutes'];
    const report = await gate(document, draftCases('household-exit-v2'));
    expect(stepsOf(report)).toEqual([['schema', false]]);
    expect(failing(report)?.problems).toEqual([{ path: 'parameterInfo.maxWaterFetchMinutes', message: 'parameter maxWaterFetchMinutes has no label, unit and reference' }]);
  });

  it('refuses an exit-line table without 2018, a year the stored runs judge', async () => {
    const report = await gate(draft('missing-year'), draftCases('household-exit-v2'));
    expect(failing(report)?.step).toBe('static');
    expect(failing(report)?.problems).toEqual([{ path: 'parameters.exitLine.byYear', message: 'no value for 2018' }]);
  });

  it('lets the same table through when no year the draft judges is missing from it', async () => {
    const report = (await runPublishGate(stores, await gateInput(draft('missing-year'), null, { years: [], runCases: false, runPreview: false }))).report;
    expect(report.ok).toBe(true);
  });

  it('refuses a draft that breaks one of its scenario cases, naming the case', async () => {
    const report = await gate(draft('failing-case'), draftCases('failing-case'));
    expect(stepsOf(report)).toEqual([['schema', true], ['version', true], ['static', true], ['cases', false]]);
    expect(failing(report)?.problems).toEqual([{ case: 'income above the 2019 line passes in 2019', message: 'outcome: expected pass, got fail' }]);
  });

  it('refuses a household standard whose draft travels without scenario cases', async () => {
    const report = await gate(draft('household-exit-v2'), null);
    expect(failing(report)?.step).toBe('cases');
    expect(failing(report)?.problems[0]?.message).toContain('needs its scenario cases');
  });

  it('refuses cases written for another version', async () => {
    const report = await gate(draft('household-exit-v2'), repositoryCases('household-exit', 1));
    expect(failing(report)?.problems).toEqual([{ path: 'ruleSetId', message: 'the cases are for household-exit v1, the draft is household-exit v2' }]);
  });

  it('passes the valid v2 through every step and previews its impact on 2018Q3', async () => {
    const report = await gate(draft('household-exit-v2'), draftCases('household-exit-v2'));
    expect(stepsOf(report)).toEqual([['schema', true], ['version', true], ['static', true], ['cases', true], ['preview', true]]);
    expect(report.preview).toMatchObject({ quarter: '2018Q3', asOf: '2018-09-30', fromVersion: 1, toVersion: 2, draftInForce: true, changesOutcomes: true });
    expect(report.preview?.totals.households.changed).toBeGreaterThan(0);
  });

  it('refuses a version that leaves a gap, and one already published', async () => {
    const gap = await gate({ ...draft('household-exit-v2'), version: 3 }, { ...draftCases('household-exit-v2'), version: 3 });
    expect(failing(gap)?.problems).toEqual([{ path: 'version', message: 'version 3 would leave a gap: the latest published version is 1, so the next is 2' }]);
    const taken = await gate({ ...draft('household-exit-v2'), version: 1 }, repositoryCases('household-exit', 1));
    expect(failing(taken)?.step).toBe('version');
    expect(failing(taken)?.problems[0]?.message).toContain('version 1 of household-exit is already published');
  });

  it('says an accountability draft has no scenario cases instead of failing, and previews the cards it changes', async () => {
    const accountability = (await repositoryRuleSets()).find((r) => r.id === 'accountability')!;
    const yellowCard = { bottom: 3, belowScore: 95, alwaysBelow: 90 };
    const ladder = { ...accountability, version: 2, changeNote: 'another county: yellow cards below 90', parameters: { ...accountability.parameters, yellowCard } };
    const report = await gate(ladder, null);
    expect(stepsOf(report)).toEqual([['schema', true], ['version', true], ['static', true], ['cases', true], ['preview', true]]);
    expect(report.steps.find((s) => s.step === 'cases')?.summary).toContain('has no scenario cases');
    expect(report.preview?.totals.households.changed).toBe(0);
    expect(report.preview?.totals.units.changed).toBeGreaterThan(0);
    expect(report.preview?.counties.flatMap((c) => c.examples)).toContainEqual(expect.objectContaining({ ruleSetId: 'accountability', before: 'none', after: 'yellow-card' }));
  });

  it('runs the scenario cases of an accountability draft when they travel with it, and names a case the new ladder breaks', async () => {
    const accountability = (await repositoryRuleSets()).find((r) => r.id === 'accountability')!;
    const cases = { ...repositoryCases('accountability', 1), version: 2 };
    const same = await gate({ ...accountability, version: 2, changeNote: 'same ladder' }, cases, false);
    expect(same.steps.find((s) => s.step === 'cases')).toMatchObject({ ok: true, summary: '18 of 18 scenario cases pass' });
    const yellowCard = { bottom: 3, belowScore: 85, alwaysBelow: 60 };
    const stricter = await gate({ ...accountability, version: 2, changeNote: 'yellow cards below 85', parameters: { ...accountability.parameters, yellowCard } }, cases, false);
    expect(failing(stricter)?.step).toBe('cases');
    expect(failing(stricter)?.problems).toContainEqual({
      case: 'small county: a township scoring 84 of two is not carded, since only scores under 80 are',
      message: expect.stringContaining('outcome (the card of T1): expected none, got yellow-card'),
    });
  });

  it('refuses accountability parameters its code cannot read, at the static step', async () => {
    const accountability = (await repositoryRuleSets()).find((r) => r.id === 'accountability')!;
    const broken = { ...accountability, version: 2, parameters: { ...accountability.parameters, yellowCard: { bottom: 'three', belowScore: 80, alwaysBelow: 60 } } };
    const report = await gate(broken, null);
    expect(failing(report)?.step).toBe('static');
    expect(failing(report)?.problems[0]?.path).toBe('parameters.yellowCard.bottom');
  });
});
