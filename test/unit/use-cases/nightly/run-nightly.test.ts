import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../src/adapters/memory/memory-stores.js';
import { EVALUATORS } from '../../../../src/engine/evaluators.js';
import type { RuleSet } from '../../../../src/engine/rule-set-schema.js';
import type { Stores } from '../../../../src/ports/stores.js';
import type { StandardId } from '../../../../src/standards/standard-ids.js';
import { exportRun } from '../../../../src/use-cases/export-run.js';
import { runNightly } from '../../../../src/use-cases/nightly/run-nightly.js';
import { createScoringContext } from '../../../../src/use-cases/scoring-context.js';
import { aCounty, aHousehold, aTownship, aVillage, anAssistingUnit } from '../../../helpers/builders.js';
import { ruleSetsFor } from '../../../helpers/repository-rule-sets.js';

const evaluator = Object.values(EVALUATORS)[0]!;
let ruleSets: Record<StandardId, RuleSet>;

beforeAll(async () => {
  ruleSets = await ruleSetsFor('2018-12-31');
});

async function storesWithOneCounty(): Promise<Stores> {
  const stores = createMemoryStores();
  await stores.records.putCounties([aCounty()]);
  await stores.records.putTownships([aTownship()]);
  await stores.records.putUnits([anAssistingUnit()]);
  await stores.records.putVillages([aVillage(), aVillage({ villageId: 'V-002' })]);
  await stores.records.putHouseholds([aHousehold({ householdId: 'H-1' }), aHousehold({ householdId: 'H-2' })]);
  return stores;
}

async function run(stores: Stores, quarter: string) {
  const context = createScoringContext(ruleSets, quarter, evaluator);
  const record = await runNightly(stores, context, { runId: `run-${quarter}`, now: () => new Date('2026-01-01T00:00:00Z') });
  return { record, output: await exportRun(stores, quarter, context.year) };
}

const linesOf = (output: Awaited<ReturnType<typeof exportRun>>, subjectId: string) =>
  output.verdicts.filter((v) => v.subjectId === subjectId).map((v) => v.ruleSetId);

describe('runNightly with in-memory stores', () => {
  it('judges every household, village and county and exports them in order', async () => {
    const { record, output } = await run(await storesWithOneCounty(), '2018Q1');
    expect(record.status).toBe('succeeded');
    expect(output.verdicts.map((v) => `${v.subjectType}:${v.subjectId}:${v.ruleSetId}`)).toEqual([
      'county:C-1:county-exit',
      'household:H-1:household-exit',
      'household:H-1:identification',
      'household:H-2:household-exit',
      'household:H-2:identification',
      'village:V-001:village-exit',
      'village:V-002:village-exit',
    ]);
  });

  it('writes no verdict when the same data is run again', async () => {
    const stores = await storesWithOneCounty();
    await run(stores, '2018Q1');
    expect((await run(stores, '2018Q1')).record.writes.verdicts).toBe(0);
  });

  it('exports only the standards that judge a household’s status of this run, after its status changed', async () => {
    const stores = await storesWithOneCounty();
    await run(stores, '2018Q1');
    await stores.records.putHouseholds([aHousehold({ householdId: 'H-1', status: 'exited' })]);
    const { output } = await run(stores, '2018Q2');
    expect(linesOf(output, 'H-1')).toEqual(['household-exit', 'return-risk']);
  });

  it('exports a household that moved to another village once, under its new village', async () => {
    const stores = await storesWithOneCounty();
    await run(stores, '2018Q1');
    await stores.records.putHouseholds([aHousehold({ householdId: 'H-1', villageId: 'V-002' })]);
    const { output } = await run(stores, '2018Q2');
    expect(linesOf(output, 'H-1')).toEqual(['household-exit', 'identification']);
  });
});
