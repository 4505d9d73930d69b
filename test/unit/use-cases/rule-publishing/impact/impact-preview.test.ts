import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../../../../src/adapters/memory/memory-stores.js';
import { EVALUATORS } from '../../../../../src/engine/evaluators.js';
import type { RuleSet } from '../../../../../src/engine/rule-set-schema.js';
import type { Stores } from '../../../../../src/ports/stores.js';
import { previewImpact } from '../../../../../src/use-cases/rule-publishing/impact/preview-impact.js';
import { createScoringContext } from '../../../../../src/use-cases/scoring-context.js';
import { aCounty, aHousehold, aTownship, aVillage } from '../../../../helpers/builders.js';
import { ruleSetsFor } from '../../../../helpers/repository-rule-sets.js';

const QUARTER = '2018Q3';

/** One western county, one village, the given households. */
async function storeWith(households: ReturnType<typeof aHousehold>[]): Promise<Stores> {
  const stores = createMemoryStores();
  await stores.records.putCounties([aCounty()]);
  await stores.records.putTownships([aTownship()]);
  await stores.records.putVillages([aVillage()]);
  await stores.records.putHouseholds(households);
  return stores;
}

/** The reviewed household-exit version with another 2018 line. */
async function withLine2018(line: number): Promise<RuleSet> {
  const inForce = (await ruleSetsFor('2018-09-30'))['household-exit'];
  const exitLine = inForce.parameters.exitLine as { byYear: Record<string, number> };
  return { ...inForce, version: 2, parameters: { ...inForce.parameters, exitLine: { byYear: { ...exitLine.byYear, '2018': line } } } };
}

async function preview(stores: Stores, draft: RuleSet) {
  const before = createScoringContext(await ruleSetsFor('2018-09-30'), QUARTER, EVALUATORS.compiled);
  const after = createScoringContext(await ruleSetsFor('2018-09-30', [draft]), QUARTER, EVALUATORS.compiled);
  return previewImpact(stores, before, after, { ruleSetId: draft.id, asOf: '2018-09-30', draftInForce: true });
}

describe('the impact preview', () => {
  it('counts the households whose outcome a higher line changes, and names the item that changed', async () => {
    const stores = await storeWith([aHousehold({ householdId: 'H-4000', incomePerCapita: 4000 }), aHousehold({ householdId: 'H-5200', incomePerCapita: 5200 })]);
    const result = await preview(stores, await withLine2018(4200));
    expect(result.totals.households).toEqual({ judged: 2, changed: 1 });
    expect(result.counties[0]!.examples).toContainEqual({
      subjectType: 'household',
      subjectId: 'H-4000',
      ruleSetId: 'household-exit',
      before: 'pass',
      after: 'fail',
      items: [{ id: 'income', before: 'pass', after: 'fail' }],
      villageId: 'V-001',
      townshipId: 'T-01',
    });
    expect(result.changesOutcomes).toBe(true);
  });

  it('finds no change for a draft that judges alike', async () => {
    const stores = await storeWith([aHousehold({ householdId: 'H-4000', incomePerCapita: 4000 })]);
    const result = await preview(stores, await withLine2018(3535));
    expect(result.changesOutcomes).toBe(false);
    expect(result.totals).toEqual({
      households: { judged: 1, changed: 0 },
      villages: { judged: 1, changed: 0 },
      counties: { judged: 1, changed: 0 },
      units: { judged: 1, changed: 0 },
    });
  });

  it('counts every change but shows at most five examples per county', async () => {
    const households = Array.from({ length: 7 }, (_, i) => aHousehold({ householdId: `H-${i}`, incomePerCapita: 4000 }));
    const result = await preview(await storeWith(households), await withLine2018(4200));
    expect(result.counties[0]!.households.changed).toBe(7);
    expect(result.counties[0]!.examples).toHaveLength(5);
  });

  it('reports a change of the village when its remaining poor people cross the incidence limit', async () => {
    // 24 households of 2 members failing under 4200 leave 48 remaining poor of 800 people: 6%, above the western 3%.
    const households = Array.from({ length: 24 }, (_, i) => aHousehold({ householdId: `H-${i}`, incomePerCapita: 4000 }));
    const result = await preview(await storeWith(households), await withLine2018(4200));
    expect(result.totals.villages).toEqual({ judged: 1, changed: 1 });
    expect(result.counties[0]!.examples[0]).toMatchObject({ subjectType: 'village', subjectId: 'V-001', before: 'pass', after: 'fail', villageId: 'V-001', townshipId: 'T-01' });
  });

  it('judges a village whose last import rejected household rows as the nightly run does: its incidence unknown on both sides', async () => {
    const households = Array.from({ length: 24 }, (_, i) => aHousehold({ householdId: `H-${i}`, incomePerCapita: 4000 }));
    const stores = await storeWith(households);
    const row = { file: 'households.jsonl', line: 25, field: 'incomePerCapita', reason: 'expected a number, got "abc"', id: 'H-24' };
    await stores.records.replaceIncompleteNotes('C-1', [{ countyId: 'C-1', villageId: 'V-001', kind: 'households', rows: [row], rowCount: 1 }]);
    const result = await preview(stores, await withLine2018(4200));
    expect(result.totals.households).toEqual({ judged: 24, changed: 24 });
    expect(result.totals.villages).toEqual({ judged: 1, changed: 0 });
  });
});
