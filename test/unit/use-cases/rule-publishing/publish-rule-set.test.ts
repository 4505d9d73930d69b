import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { RuleSetConflictError } from '../../../../src/engine/errors.js';
import type { Stores } from '../../../../src/ports/stores.js';
import { casesOf, contentHash } from '../../../../src/use-cases/rule-publishing/published-entry.js';
import { publishRuleSet, type PublishRequest } from '../../../../src/use-cases/rule-publishing/publish-rule-set.js';
import { repositoryRuleSets } from '../../../helpers/repository-rule-sets.js';
import { draft, draftCases, gateInput, NOW, repositoryCases, storeWithExampleRun } from './publishing-fixtures.js';

async function request(document: unknown, cases: unknown, overrides: Partial<PublishRequest> = {}): Promise<PublishRequest> {
  return { ...(await gateInput(document, cases, { years: [2018] })), author: '王芳', note: 'the province raised its 2018 line', acceptImpact: false, ...overrides };
}

async function exampleStore(): Promise<Stores> {
  const stores = createMemoryStores();
  await storeWithExampleRun(stores);
  return stores;
}

describe('publishing a rule-set version through the gate', () => {
  it('refuses a draft that changes outcomes unless the impact is accepted, and publishes it when it is', async () => {
    const stores = await exampleStore();
    const refused = await publishRuleSet(stores, await request(draft('household-exit-v2'), draftCases('household-exit-v2')), NOW);
    expect(refused).toMatchObject({ status: 'refused', reason: 'impact' });
    expect(refused.report.preview?.changesOutcomes).toBe(true);
    expect(await stores.ruleSets.getVersion('household-exit', 2)).toBeNull();

    const published = await publishRuleSet(stores, await request(draft('household-exit-v2'), draftCases('household-exit-v2'), { acceptImpact: true }), NOW);
    expect(published.status).toBe('published');
    expect((await stores.ruleSets.getVersion('household-exit', 2))?.ruleSet.parameters.exitLine).toEqual({
      byYear: { '2014': 2800, '2015': 2968, '2016': 3146, '2017': 3335, '2018': 4200, '2019': 3747, '2020': 4000 },
    });
  });

  it('records the author, note, time, content hash and the scenario cases with the version, without the editor-only $schema', async () => {
    const stores = await exampleStore();
    await publishRuleSet(stores, await request(draft('household-exit-v2'), draftCases('household-exit-v2'), { acceptImpact: true }), NOW);
    const stored = (await stores.ruleSets.getVersion('household-exit', 2))!;
    expect(stored).toMatchObject({ author: '王芳', note: 'the province raised its 2018 line', publishedAt: '2026-03-01T08:00:00.000Z' });
    expect(stored.contentHash).toBe(contentHash(stored.ruleSet));
    expect(stored.ruleSet.$schema).toBeUndefined();
    expect(casesOf(stored)?.cases.map((c) => c.name)).toContain('income of 4000, above the old 2018 line (3535) but not the new one, fails');
  });

  it('publishes a draft that changes no outcome without asking to accept an impact', async () => {
    const stores = await exampleStore();
    const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
    const reworded = { ...v1, version: 2, changeNote: 'Clearer English description; nothing else changes.', description: { ...v1.description, en: 'Household exit: one above, six haves.' } };
    const outcome = await publishRuleSet(stores, await request(reworded, { ...repositoryCases('household-exit', 1), version: 2 }), NOW);
    expect(outcome.status).toBe('published');
    expect(outcome.report.preview?.changesOutcomes).toBe(false);
  });

  it('gives exactly one of two concurrent publications of the same version, and a conflict to the other', async () => {
    const stores = await exampleStore();
    const attempt = async (author: string) => publishRuleSet(stores, await request(draft('household-exit-v2'), draftCases('household-exit-v2'), { acceptImpact: true, author }), NOW);
    const settled = await Promise.allSettled([attempt('王芳'), attempt('李明')]);
    const won = settled.filter((s) => s.status === 'fulfilled');
    const lost = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(RuleSetConflictError);
    expect((await stores.ruleSets.listVersions('household-exit')).map((v) => v.ruleSet.version)).toEqual([1, 2]);
  });

  it('publishes version 1 into an empty store, with nothing to compare it with', async () => {
    const stores = createMemoryStores();
    const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
    const outcome = await publishRuleSet(stores, await request(v1, repositoryCases('household-exit', 1)), NOW);
    expect(outcome.status).toBe('published');
    expect(outcome.report.steps.find((s) => s.step === 'preview')?.summary).toContain('nothing to compare with');
    expect(await stores.ruleSets.listIds()).toEqual(['household-exit']);
  });

  it('refuses a broken draft before anything is stored', async () => {
    const stores = await exampleStore();
    const outcome = await publishRuleSet(stores, await request(draft('unknown-fact'), draftCases('household-exit-v2'), { acceptImpact: true }), NOW);
    expect(outcome).toMatchObject({ status: 'refused', reason: 'invalid', message: expect.stringContaining('static step') });
    expect(await stores.ruleSets.getVersion('household-exit', 2)).toBeNull();
  });

  it('refuses a publication without an author', async () => {
    const stores = await exampleStore();
    const outcome = await publishRuleSet(stores, await request(draft('household-exit-v2'), draftCases('household-exit-v2'), { acceptImpact: true, author: ' ' }), NOW);
    expect(outcome).toMatchObject({ status: 'refused', reason: 'provenance' });
  });
});
