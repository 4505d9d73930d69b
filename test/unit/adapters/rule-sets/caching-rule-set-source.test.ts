import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { CachingRuleSetSource } from '../../../../src/adapters/rule-sets/caching-rule-set-source.js';
import { StoreRuleSetSource } from '../../../../src/adapters/rule-sets/store-rule-set-source.js';
import { EVALUATORS } from '../../../../src/engine/evaluators.js';
import { scoringContexts } from '../../../../src/use-cases/scoring-contexts.js';
import { seedRuleSets } from '../../../../src/use-cases/seed-rule-sets.js';
import { repositoryRuleSets } from '../../../helpers/repository-rule-sets.js';
import { type RuleSetStore } from '../../../../src/ports/stores.js';
import { publishEntry } from '../../../../src/use-cases/rule-publishing/published-entry.js';

/** A rule-set store that counts the reads of version lists and can be made to fail. */
function countingStore(inner: RuleSetStore) {
  const counts = { listVersions: 0, getVersion: 0 };
  let failing = false;
  const store: RuleSetStore = {
    publish: (entry) => inner.publish(entry),
    listIds: () => inner.listIds(),
    listVersions: async (id) => {
      counts.listVersions += 1;
      if (failing) throw new Error('store unavailable');
      return inner.listVersions(id);
    },
    getVersion: async (id, version) => {
      counts.getVersion += 1;
      return inner.getVersion(id, version);
    },
  };
  return { store, counts, fail: (value: boolean) => (failing = value) };
}

let now: number;
let inner: RuleSetStore;
let counting: ReturnType<typeof countingStore>;
let source: CachingRuleSetSource;

beforeEach(async () => {
  now = Date.parse('2026-01-01T00:00:00Z');
  inner = createMemoryStores().ruleSets;
  await seedRuleSets(inner, await repositoryRuleSets(), new Date(now));
  counting = countingStore(inner);
  source = new CachingRuleSetSource(new StoreRuleSetSource(counting.store), { maxAgeMs: 60_000, now: () => now });
});

const publishHouseholdExitV2 = async () => {
  const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
  await inner.publish(publishEntry({ ...v1, version: 2 }, 'test', 'v2', new Date(now)));
};

describe('the caching rule-set source, in front of the store', () => {
  it('reads the store once for repeated calls, and answers with the same rule sets', async () => {
    const first = await source.inForce('2018Q4');
    const reads = counting.counts.listVersions;
    expect(reads).toBe(6);
    for (let i = 0; i < 5; i += 1) expect(await source.inForce('2018Q4')).toBe(first);
    expect(counting.counts.listVersions).toBe(reads);
  });

  it('reads the versions in force again once they are older than the maximum age', async () => {
    await source.inForce('2018Q4');
    const reads = counting.counts.listVersions;
    now += 59_999;
    await source.inForce('2018Q4');
    expect(counting.counts.listVersions).toBe(reads);
    now += 1;
    await source.inForce('2018Q4');
    expect(counting.counts.listVersions).toBe(2 * reads);
  });

  it('shows a newly published version after the maximum age', async () => {
    expect((await source.inForce('2018Q4'))['household-exit'].version).toBe(1);
    await publishHouseholdExitV2();
    expect((await source.inForce('2018Q4'))['household-exit'].version).toBe(1);
    now += 60_000;
    expect((await source.inForce('2018Q4'))['household-exit'].version).toBe(2);
  });

  it('reads again after a failed read, not caching the failure', async () => {
    counting.fail(true);
    await expect(source.inForce('2018Q4')).rejects.toThrow('store unavailable');
    counting.fail(false);
    expect((await source.inForce('2018Q4'))['household-exit'].version).toBe(1);
  });

  it('keeps the versions a run pinned, whatever is in force now', async () => {
    await publishHouseholdExitV2();
    const versions = { 'household-exit': 1, identification: 1, 'return-risk': 1, 'village-exit': 1, 'county-exit': 1, accountability: 1 };
    const pinned = await source.pinned(versions);
    expect(pinned['household-exit'].version).toBe(1);
    const reads = counting.counts.getVersion;
    now += 3_600_000;
    expect(await source.pinned({ ...versions })).toBe(pinned);
    expect(counting.counts.getVersion).toBe(reads);
  });

  it('fails with the rule set that is missing from the pinned versions', async () => {
    await expect(source.pinned({ 'household-exit': 9 })).rejects.toMatchObject({ code: 'RULE_SET_NOT_FOUND' });
  });
});

describe('scoring contexts of a caching source', () => {
  it('are bound once while the source answers with the same rule sets, and again after it reads anew', async () => {
    const contexts = scoringContexts(source, EVALUATORS.compiled);
    const first = await contexts.inForce('2018Q4');
    expect(await contexts.inForce('2018Q4')).toBe(first);
    expect((await contexts.inForce('2018Q3')).quarter).toBe('2018Q3');
    now += 60_000;
    expect(await contexts.inForce('2018Q4')).not.toBe(first);
  });
});
