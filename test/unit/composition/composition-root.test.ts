import { describe, expect, it } from 'vitest';
import { openDynamoRoot } from '../../../src/composition/open-dynamo-root.js';
import { openRoot } from '../../../src/composition/open-root.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { RULES_DIR } from '../../helpers/repository-rule-sets.js';

const dynamo = useDynalite();

describe('the composition root', () => {
  it('judges a memory store with the repository’s files and has nothing to seed', async () => {
    const root = await openRoot({ store: 'memory', evaluator: EVALUATORS.reference });
    expect(root).toMatchObject({ location: 'memory', persistent: false, client: null });
    expect(await root.seedRuleSets()).toBe(0);
    expect(await root.stores.ruleSets.listIds()).toEqual([]);
    const context = await root.contexts.inForce('2018Q4');
    expect(context.ruleSets['household-exit'].version).toBe(1);
    expect(context.evaluator).toBe(EVALUATORS.reference);
    await root.close();
  });

  it('reads an empty DynamoDB store’s rule sets only after the explicit seeding step', async () => {
    const tableName = await dynamo.newTable();
    const root = await openDynamoRoot({ store: 'dynamodb', endpoint: dynamo.endpoint, tableName });
    expect(root).toMatchObject({ persistent: true, location: `${dynamo.endpoint} table ${tableName}` });
    await expect(root.latestRuleSets.inForce('2018Q4')).rejects.toMatchObject({ code: 'RULE_SET_NOT_FOUND' });
    expect(await root.seedRuleSets(new Date('2026-01-01T00:00:00Z'))).toBe(6);
    expect(await root.seedRuleSets()).toBe(0);
    expect((await root.ruleSets.inForce('2018Q4'))['household-exit'].version).toBe(1);
    expect((await dynamo.stores(tableName).ruleSets.listIds()).length).toBe(6);
    await root.close();
  });

  it('judges with a given rules folder instead of the store, and seeds nothing then', async () => {
    const tableName = await dynamo.newTable();
    const root = await openDynamoRoot({ store: 'dynamodb', endpoint: dynamo.endpoint, tableName, rulesFolder: RULES_DIR });
    expect(await root.seedRuleSets()).toBe(0);
    expect((await root.ruleSets.inForce('2018Q4'))['village-exit'].version).toBe(1);
    expect(await root.stores.ruleSets.listIds()).toEqual([]);
    await root.close();
  });

  it('reads the versions in force once for a CLI run, however often they are asked for', async () => {
    const root = await openRoot({ store: 'memory' });
    const first = await root.ruleSets.inForce('2018Q4');
    expect(await root.ruleSets.inForce('2018Q4')).toBe(first);
    expect(await root.contexts.inForce('2018Q4')).toBe(await root.contexts.inForce('2018Q4'));
  });
});
