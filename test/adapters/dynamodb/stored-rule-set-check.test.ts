import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CachingRuleSetSource } from '../../../src/adapters/rule-sets/caching-rule-set-source.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { StoredRuleSetInvalidError } from '../../../src/engine/load-rule-set.js';
import { RuleSetLimitError } from '../../../src/engine/rule-set-limits.js';
import type { Stores } from '../../../src/ports/stores.js';
import { scoringContexts } from '../../../src/use-cases/scoring-contexts.js';
import { seedRuleSets } from '../../../src/use-cases/seed-rule-sets.js';
import { StoreRuleSetSource } from '../../../src/adapters/rule-sets/store-rule-set-source.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { published } from './builders.js';

const dynalite = useDynalite();

/** A table holding the reviewed rule sets, plus a handle to write items behind the gate's back. */
async function publishedTable(): Promise<{ stores: Stores; put: (item: Record<string, unknown>) => Promise<unknown> }> {
  const table = await dynalite.newTable();
  const stores = dynalite.stores(table);
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  const doc = DynamoDBDocumentClient.from(dynalite.client);
  return { stores, put: (item) => doc.send(new PutCommand({ TableName: table, Item: item })) };
}

/** household-exit v1 as version `version`, in force from 2015, with its first item's fact misspelled. */
async function badHouseholdExit(version: number) {
  const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
  const ruleSet = structuredClone(v1) as unknown as { version: number; effectiveFrom: string; items: { conditions: Record<string, unknown> }[] };
  ruleSet.version = version;
  ruleSet.effectiveFrom = '2015-01-01';
  ruleSet.items[0]!.conditions = { fact: 'incomePerPerson', operator: 'greaterThan', value: 1 };
  return ruleSet;
}

const versionItem = (version: number, data: unknown) => ({
  pk: 'RULE-SET#household-exit',
  sk: `VERSION#${String(version).padStart(10, '0')}`,
  kind: 'rule-set-version',
  data,
});

describe('a rule set read back from DynamoDB', () => {
  it('is checked again: a version written behind the gate is refused with its id and version', async () => {
    const { stores, put } = await publishedTable();
    await put(versionItem(2, published((await badHouseholdExit(2)) as never)));
    const refusal = new StoreRuleSetSource(stores.ruleSets).inForce('2018Q4');
    await expect(refusal).rejects.toBeInstanceOf(StoredRuleSetInvalidError);
    await expect(refusal).rejects.toMatchObject({ code: 'RULE_SET_INVALID', ruleSetId: 'household-exit', version: 2 });
    await expect(refusal).rejects.toThrow(/household-exit version 2 in the store is invalid: items\.0\.conditions\.fact: unknown fact "incomePerPerson"/);
  });

  it('is refused by the functions’ cache too, in force or pinned by a run', async () => {
    const { stores, put } = await publishedTable();
    await put(versionItem(2, published((await badHouseholdExit(2)) as never)));
    const cache = scoringContexts(new CachingRuleSetSource(new StoreRuleSetSource(stores.ruleSets), { maxAgeMs: 60_000, now: Date.now }), EVALUATORS.compiled);
    await expect(cache.inForce('2018Q4')).rejects.toMatchObject({ code: 'RULE_SET_INVALID', ruleSetId: 'household-exit', version: 2 });
    const pinned = { 'household-exit': 2, identification: 1, 'return-risk': 1, 'village-exit': 1, 'county-exit': 1, accountability: 1 };
    await expect(cache.pinned(pinned, '2018Q4')).rejects.toMatchObject({ code: 'RULE_SET_INVALID', version: 2 });
  });

  it('must be the version its key names, and hold a rule set at all', async () => {
    const { stores, put } = await publishedTable();
    const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
    await put(versionItem(3, published(v1)));
    await expect(stores.ruleSets.getVersion('household-exit', 3)).rejects.toMatchObject({ code: 'RULE_SET_INVALID', ruleSetId: 'household-exit', version: 3 });
    await put(versionItem(3, { author: 'x' }));
    await expect(stores.ruleSets.listVersions('household-exit')).rejects.toThrow('household-exit version 3 in the store is invalid: ruleSet: the item holds no rule set');
  });

  it('is left alone when every version still passes the checks', async () => {
    const { stores } = await publishedTable();
    const inForce = await new StoreRuleSetSource(stores.ruleSets).inForce('2018Q4');
    expect(inForce['household-exit']).toEqual((await repositoryRuleSets()).find((r) => r.id === 'household-exit'));
  });
});

describe('a rule-set version too big for one DynamoDB item', () => {
  it('is refused with the size limit before it is sent, and nothing is stored', async () => {
    const { stores } = await publishedTable();
    const v1 = (await repositoryRuleSets()).find((r) => r.id === 'household-exit')!;
    const entry = { ...published({ ...v1, version: 2 }), note: '说明'.repeat(150_000) };
    await expect(stores.ruleSets.publish(entry)).rejects.toBeInstanceOf(RuleSetLimitError);
    await expect(stores.ruleSets.publish(entry)).rejects.toThrow('at most 409,600 bytes are accepted');
    expect(await stores.ruleSets.getVersion('household-exit', 2)).toBeNull();
  });
});
