import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/kernel/canonical-json.js';
import { RuleSetConflictError } from '../../../src/engine/errors.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { published } from './builders.js';

const dynalite = useDynalite();

describe('the DynamoDB rule-set store', () => {
  it('lets exactly one of two concurrent publishes of the same version win', async () => {
    const { ruleSets } = await dynalite.freshStores();
    const [ruleSet] = await repositoryRuleSets();
    const outcomes = await Promise.allSettled([
      ruleSets.publish(published(ruleSet!, { author: 'alice' })),
      ruleSets.publish(published(ruleSet!, { author: 'bob' })),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [lost] = outcomes.filter((o) => o.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(RuleSetConflictError);
    const winner = outcomes[0]!.status === 'fulfilled' ? 'alice' : 'bob';
    expect((await ruleSets.getVersion(ruleSet!.id, ruleSet!.version))?.author).toBe(winner);
    expect(await ruleSets.listIds()).toEqual([ruleSet!.id]);
  });

  it('gives back every repository rule set with the same canonical JSON, so its content hash still holds', async () => {
    const { ruleSets } = await dynalite.freshStores();
    for (const ruleSet of await repositoryRuleSets()) {
      const entry = published(ruleSet);
      await ruleSets.publish(entry);
      const read = await ruleSets.getVersion(ruleSet.id, ruleSet.version);
      expect(canonicalJson(read?.ruleSet)).toBe(canonicalJson(ruleSet));
      expect(createHash('sha256').update(canonicalJson(read?.ruleSet)).digest('hex')).toBe(entry.contentHash);
      expect(read).toEqual(entry);
    }
  });

  it('lists versions in numeric order past version 9', async () => {
    const { ruleSets } = await dynalite.freshStores();
    const [ruleSet] = await repositoryRuleSets();
    for (const version of [10, 2, 9, 1]) await ruleSets.publish(published({ ...ruleSet!, version }));
    expect((await ruleSets.listVersions(ruleSet!.id)).map((p) => p.ruleSet.version)).toEqual([1, 2, 9, 10]);
  });
});
