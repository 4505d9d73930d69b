import { beforeEach, describe, expect, it } from 'vitest';
import { RuleSetCache } from '../../functions/_shared/rule-sets.js';
import { createMemoryStores } from '../../src/adapters/memory/memory-stores.js';
import { EVALUATORS } from '../../src/engine/evaluators.js';
import type { RuleSetStore } from '../../src/ports/stores.js';
import { ensureRuleSetsPublished } from '../../src/use-cases/ensure-rule-sets-published.js';
import { publishEntry } from '../../src/use-cases/rule-publishing/published-entry.js';
import { repositoryRuleSets } from '../helpers/repository-rule-sets.js';

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
let cache: RuleSetCache;

beforeEach(async () => {
  now = Date.parse('2026-01-01T00:00:00Z');
  inner = createMemoryStores().ruleSets;
  await ensureRuleSetsPublished(inner, await repositoryRuleSets(), new Date(now));
  counting = countingStore(inner);
  cache = new RuleSetCache(counting.store, { evaluator: EVALUATORS.compiled, now: () => now });
});

const publishHouseholdExitV2 = async () => {
  const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
  await inner.publish(publishEntry({ ...v1, version: 2 }, 'test', 'v2', new Date(now)));
};

describe('the rule sets in force, as the API functions see them', () => {
  it('are read from the store once per minute at most', async () => {
    await cache.contextFor('2018Q4');
    const reads = counting.counts.listVersions;
    now += 59_999;
    await cache.contextFor('2018Q4');
    expect(counting.counts.listVersions).toBe(reads);
    now += 1;
    await cache.contextFor('2018Q4');
    expect(counting.counts.listVersions).toBe(2 * reads);
  });

  it('show a newly published version after the minute is over', async () => {
    expect((await cache.contextFor('2018Q4')).ruleSets['household-exit'].version).toBe(1);
    await publishHouseholdExitV2();
    expect((await cache.contextFor('2018Q4')).ruleSets['household-exit'].version).toBe(1);
    now += 60_000;
    expect((await cache.contextFor('2018Q4')).ruleSets['household-exit'].version).toBe(2);
  });

  it('are read again after a failed read, not cached as a failure', async () => {
    counting.fail(true);
    await expect(cache.contextFor('2018Q4')).rejects.toThrow('store unavailable');
    counting.fail(false);
    expect((await cache.contextFor('2018Q4')).quarter).toBe('2018Q4');
  });
});

describe('the versions a run pinned', () => {
  it('are loaded by id and version, whatever is in force now, and kept', async () => {
    await publishHouseholdExitV2();
    const versions = { 'household-exit': 1, identification: 1, 'return-risk': 1, 'village-exit': 1, 'county-exit': 1, accountability: 1 };
    const context = await cache.pinnedContext(versions, '2018Q4');
    expect(context.ruleSets['household-exit'].version).toBe(1);
    const reads = counting.counts.getVersion;
    now += 3_600_000;
    expect(await cache.pinnedContext({ ...versions }, '2018Q4')).toBe(context);
    expect(counting.counts.getVersion).toBe(reads);
  });

  it('fail with the rule set that is missing', async () => {
    await expect(cache.pinnedContext({ 'household-exit': 9 }, '2018Q4')).rejects.toMatchObject({ code: 'RULE_SET_NOT_FOUND' });
  });
});
