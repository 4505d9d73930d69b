import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { RuleSetNotFoundError } from '../../../../src/engine/errors.js';
import { selectVersionInForce } from '../../../../src/engine/load-rule-set.js';
import { publishRuleSet } from '../../../../src/use-cases/rule-publishing/publish-rule-set.js';
import { casesOf } from '../../../../src/use-cases/rule-publishing/published-entry.js';
import { RollbackRefusedError } from '../../../../src/use-cases/rule-publishing/publishing-errors.js';
import { rollbackRuleSet } from '../../../../src/use-cases/rule-publishing/rollback-rule-set.js';
import { aRuleSet } from '../../../helpers/builders.js';
import { draft, draftCases, gateInput, NOW, repositoryCases, storeWithExampleRun } from './publishing-fixtures.js';
import { rollbackDraft } from '../../../../src/use-cases/rule-publishing/rollback-rule-set.js';

const line = (y2018: number) => ({ line: { byYear: { '2017': 3335, '2018': y2018 } } });

/** Three versions: v1 from 2014, v2 from 2018 with a higher 2018 line, v3 from 2019 with a lower one. */
function history() {
  return [
    aRuleSet({ version: 1, effectiveFrom: '2014-01-01', parameters: line(3535), changeNote: 'first' }),
    aRuleSet({ version: 2, effectiveFrom: '2018-01-01', parameters: line(4200), changeNote: 'higher' }),
    aRuleSet({ version: 3, effectiveFrom: '2019-01-01', parameters: line(3000), changeNote: 'lower' }),
  ];
}

describe('the draft of a rollback', () => {
  it('is the next version with the content of version N and a change note naming it', () => {
    const rollback = rollbackDraft(history(), 1, 'the province withdrew both changes');
    const v1 = history()[0]!;
    expect(rollback.version).toBe(4);
    expect(rollback.changeNote).toBe('rollback to version 1: the province withdrew both changes');
    const content = (r: typeof v1) => ({ ...r, version: 0, effectiveFrom: '', changeNote: '' });
    expect(content(rollback)).toEqual(content(v1));
  });

  it('takes effect the day the latest version did, so it is in force from then on and earlier days keep their versions', () => {
    const versions = history();
    const rollback = rollbackDraft(versions, 1, 'withdrawn');
    expect(rollback.effectiveFrom).toBe('2019-01-01');
    const all = [...versions, rollback];
    expect(selectVersionInForce(all, '2019-01-01').version).toBe(4);
    expect(selectVersionInForce(all, '2025-06-30').version).toBe(4);
    expect(selectVersionInForce(all, '2018-12-31').version).toBe(2);
    expect(selectVersionInForce(all, '2017-12-31').version).toBe(1);
  });

  it('keeps version N’s own effectiveFrom when it is the later one', () => {
    const versions = [aRuleSet({ version: 1, effectiveFrom: '2020-01-01' }), aRuleSet({ version: 2, effectiveFrom: '2018-01-01' })];
    expect(rollbackDraft(versions, 1, 'back').effectiveFrom).toBe('2020-01-01');
  });

  it('refuses a rollback to the latest version, and to a version never published', () => {
    expect(() => rollbackDraft(history(), 3, 'no-op')).toThrow(RollbackRefusedError);
    expect(() => rollbackDraft(history(), 7, 'unknown')).toThrow(RuleSetNotFoundError);
  });
});

describe('rolling back through the gate', () => {
  it('publishes version N’s content with the cases stored with version N, relabelled for the new version', async () => {
    const stores = createMemoryStores();
    await storeWithExampleRun(stores);
    const publish = async (document: unknown, cases: unknown) =>
      publishRuleSet(stores, { ...(await gateInput(document, cases, { years: [2018] })), author: '王芳', note: 'raise', acceptImpact: true }, NOW);
    await publish(draft('household-exit-v2'), draftCases('household-exit-v2'));
    const v1 = (await stores.ruleSets.getVersion('household-exit', 1))!.ruleSet;
    const v3 = { ...draft('household-exit-v2'), version: 3, changeNote: 'v1 again, by hand', parameters: v1.parameters };
    await publish(v3, { ...repositoryCases('household-exit', 1), version: 3 });

    const outcome = await rollbackRuleSet(stores, { ...(await gateInput(null, null, { years: [2018] })), ruleSetId: 'household-exit', to: 2, author: '李明', note: 'the 4200 line stands', acceptImpact: true }, NOW);
    expect(outcome.status).toBe('published');
    const v4 = (await stores.ruleSets.getVersion('household-exit', 4))!;
    expect(v4.ruleSet.parameters).toEqual((await stores.ruleSets.getVersion('household-exit', 2))!.ruleSet.parameters);
    expect(v4.ruleSet.changeNote).toBe('rollback to version 2: the 4200 line stands');
    expect(casesOf(v4)).toMatchObject({ ruleSetId: 'household-exit', version: 4 });
  });

  it('needs the impact accepted when the rollback changes outcomes', async () => {
    const stores = createMemoryStores();
    await storeWithExampleRun(stores);
    await publishRuleSet(stores, { ...(await gateInput(draft('household-exit-v2'), draftCases('household-exit-v2'), { years: [2018] })), author: '王芳', note: 'raise', acceptImpact: true }, NOW);
    const outcome = await rollbackRuleSet(
      stores,
      { ...(await gateInput(null, null, { years: [2018] })), ruleSetId: 'household-exit', to: 1, cases: repositoryCases('household-exit', 1), author: '李明', note: 'withdrawn', acceptImpact: false },
      NOW,
    );
    expect(outcome).toMatchObject({ status: 'refused', reason: 'impact' });
    expect(outcome.report.version).toBe(3);
  });
});
