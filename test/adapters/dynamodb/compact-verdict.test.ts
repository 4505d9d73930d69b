import { fileURLToPath } from 'node:url';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactVerdict } from '../../../src/adapters/dynamodb/compact-verdict.js';
import { createDynamoTable } from '../../../src/adapters/dynamodb/dynamo-table.js';
import { itemSize } from '../../../src/adapters/dynamodb/item-size.js';
import { keys } from '../../../src/adapters/dynamodb/keys.js';
import { verdictItem } from '../../../src/adapters/dynamodb/mappers.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { prepareRuleSet } from '../../../src/engine/prepare-rule-set.js';
import type { Verdict } from '../../../src/engine/verdict.js';
import { verdictTexts, type VerdictTexts } from '../../../src/engine/verdict-texts.js';
import { seedRuleSets } from '../../../src/use-cases/seed-rule-sets.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { scoreFolderInMemory } from '../../helpers/score-in-memory.js';
import { household as householdRecord } from './builders.js';
import { logCommands, type CommandLog } from './command-log.js';

const SAMPLE = fileURLToPath(new URL('../../../data/sample-county', import.meta.url));
const dynalite = useDynalite();
let log: CommandLog;
let verdicts: Verdict[];
let texts: (v: Verdict) => VerdictTexts;

/** A household's or village's verdicts live in its village's partition, the county's in its own. */
const partitionOf = (v: Verdict) => (v.subjectType === 'county' ? v.subjectId : v.subjectId.split('-').slice(0, 3).join('-'));

beforeAll(async () => {
  log = logCommands(dynalite.client);
  const scored = await scoreFolderInMemory(SAMPLE, '2018Q4', EVALUATORS.compiled);
  verdicts = [];
  for await (const verdict of scored.output.verdicts) verdicts.push(verdict);
  const ruleSets = await repositoryRuleSets();
  const cache = new Map<string, VerdictTexts>();
  texts = (v) => {
    const key = `${v.ruleSetId}#${v.ruleSetVersion}#${v.year}`;
    if (!cache.has(key)) cache.set(key, verdictTexts(prepareRuleSet(ruleSets.find((r) => r.id === v.ruleSetId && r.version === v.ruleSetVersion)!, v.year)));
    return cache.get(key)!;
  };
}, 120_000);

describe('a compact verdict', () => {
  it('is what every verdict of the sample county is stored as, and a household verdict fits one write unit', () => {
    expect(verdicts.length).toBeGreaterThan(5_000);
    let largestHousehold = 0;
    for (const verdict of verdicts) {
      const item = verdictItem(partitionOf(verdict), verdict, texts(verdict));
      expect(item.data, verdict.subjectId).toBeUndefined();
      expect(item.verdict, verdict.subjectId).toBeDefined();
      if (verdict.subjectType === 'household') largestHousehold = Math.max(largestHousehold, itemSize(item));
    }
    expect(largestHousehold).toBeLessThanOrEqual(1024);
  });

  it('keeps a label, an id and a requirement its version does not give', () => {
    const verdict = verdicts.find((v) => v.ruleSetId === 'household-exit')!;
    const [first, ...rest] = verdict.items;
    const odd: Verdict = { ...verdict, items: [{ ...first!, label: { zh: '另', en: 'other' }, expected: '> 1' }, ...rest] };
    const compact = compactVerdict(odd, texts(verdict))!;
    expect(compact.t[0]).toMatchObject({ l: { zh: '另', en: 'other' }, e: '> 1' });
    const renamed: Verdict = { ...verdict, items: [{ ...first!, id: 'renamed' }, ...rest] };
    expect(compactVerdict(renamed, texts(verdict))!.t[0]).toMatchObject({ i: 'renamed' });
  });

  it('is refused for a verdict of another version or year, which is then stored whole', () => {
    const verdict = verdicts.find((v) => v.ruleSetId === 'return-risk')!;
    expect(compactVerdict({ ...verdict, ruleSetVersion: 2 }, texts(verdict))).toBeNull();
    expect(verdictItem('P', { ...verdict, year: 2019 }, texts(verdict)).data).toEqual({ ...verdict, year: 2019 });
  });
});

describe('the DynamoDB verdict store with compact verdicts', () => {
  it("gives back byte for byte what was judged, through the partition and through a subject's keys in it, with no gsi1 entry", async () => {
    const tableName = await dynalite.newTable();
    const stores = dynalite.stores(tableName);
    await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
    const partition = '513336-01-001';
    const village = verdicts.filter((v) => partitionOf(v) === partition);
    expect(village.length).toBeGreaterThan(100);
    await stores.verdicts.replacePartitionVerdicts(partition, 2018, village);

    const table = createDynamoTable(dynalite.client, tableName);
    const stored = (await table.doc.send(new GetCommand({ TableName: tableName, Key: keys.verdict(partition, village[0]!) }))).Item!;
    expect(stored.data).toBeUndefined();
    expect(stored.verdict).toBeDefined();
    expect(stored.gsi1pk).toBeUndefined();
    expect(stored.gsi1sk).toBeUndefined();

    const listed = await stores.verdicts.listPartitionVerdicts(partition, 2018);
    expect(listed.map((v) => JSON.stringify(v))).toEqual(village.map((v) => JSON.stringify(v)));
    const household = village.find((v) => v.subjectType === 'household')!;
    // A household's verdicts are found through the village its record names.
    await stores.records.putHouseholds([householdRecord({ householdId: household.subjectId, villageId: partition })]);
    const ofHousehold = await stores.verdicts.getSubjectVerdicts('household', household.subjectId);
    expect(ofHousehold.map((v) => JSON.stringify(v))).toEqual(village.filter((v) => v.subjectId === household.subjectId).map((v) => JSON.stringify(v)));
    // A new store (a cold function) reads each version once, however many verdicts it restores.
    log.clear();
    await dynalite.stores(tableName).verdicts.listPartitionVerdicts(partition, 2018);
    expect(log.named('GetItemCommand').length).toBe(new Set(village.map((v) => v.ruleSetId)).size);
  });
});
