import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { createMemoryStores } from '../../../src/adapters/memory/memory-stores.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { Stores } from '../../../src/ports/stores.js';
import type { Dataset } from '../../../src/records/dataset.js';
import { importDataset } from '../../../src/use-cases/import/import-dataset.js';
import { scoreDataset } from '../../../src/use-cases/scoring/score-dataset.js';
import { createScoringContext, type ScoringContext } from '../../../src/use-cases/scoring-context.js';
import { aCounty, aHousehold, aTownship, aVillage, anAssistingUnit } from '../../helpers/builders.js';
import { ruleSetsFor } from '../../helpers/repository-rule-sets.js';

const evaluator = Object.values(EVALUATORS)[0]!;
const EXAMPLE = fileURLToPath(new URL('../../fixtures/example', import.meta.url));
let context: ScoringContext;

beforeAll(async () => {
  context = createScoringContext(await ruleSetsFor('2018-09-30'), '2018Q3', evaluator);
});

/** County C-1: villages V-001 (H-1, H-2) and V-002 (H-3); everything but what `leaveOut` names. */
function registry(leaveOut: readonly string[] = [], countyId = 'C-1'): Dataset {
  const id = (local: string) => (countyId === 'C-1' ? local : `${countyId}/${local}`);
  const keep = <T>(records: T[], idOf: (r: T) => string) => records.filter((r) => !leaveOut.includes(idOf(r)));
  return {
    counties: [aCounty({ countyId })],
    townships: keep([aTownship({ townshipId: id('T-01'), countyId }), aTownship({ townshipId: id('T-02'), countyId })], (t) => t.townshipId),
    units: keep([anAssistingUnit({ unitId: id('U-01'), countyId }), anAssistingUnit({ unitId: id('U-02'), countyId })], (u) => u.unitId),
    villages: keep(
      ['V-001', 'V-002'].map((v) => aVillage({ villageId: id(v), countyId, townshipId: id('T-01'), assistingUnitId: id('U-01') })),
      (v) => v.villageId,
    ),
    households: keep(
      [aHousehold({ householdId: id('H-1'), villageId: id('V-001') }), aHousehold({ householdId: id('H-2'), villageId: id('V-001') }), aHousehold({ householdId: id('H-3'), villageId: id('V-002') })],
      (h) => h.householdId,
    ),
    cardHistory: [],
    rejected: [],
  };
}

const options = (runId: string) => ({ runId, now: () => new Date('2026-01-01T00:00:00Z') });
const subjects = (stores: Stores, type: 'household' | 'village', id: string) => stores.verdicts.getSubjectVerdicts(type, id);

describe('a snapshot import', () => {
  it('removes the households, villages, townships and units its counties no longer hold, with their verdicts and tallies', async () => {
    const stores = createMemoryStores();
    await scoreDataset(stores, context, registry(), options('first'));
    expect(await subjects(stores, 'household', 'H-2')).not.toEqual([]);
    expect((await stores.runs.listVillageTallies('2018Q3', 'C-1')).map((t) => t.villageId)).toEqual(['V-001', 'V-002']);

    const imported = await importDataset(stores, registry(['H-2', 'V-002', 'H-3', 'T-02', 'U-02']));
    expect(imported.removed).toEqual({
      townships: ['T-02'],
      units: ['U-02'],
      villages: [
        { countyId: 'C-1', villageId: 'V-001', villageRemoved: false, householdIds: ['H-2'] },
        { countyId: 'C-1', villageId: 'V-002', villageRemoved: true, householdIds: ['H-3'] },
      ],
      verdicts: 2 + 3,
      tallies: 1,
    });
    expect((await stores.records.listHouseholds('V-001')).map((h) => h.householdId)).toEqual(['H-1']);
    expect(await stores.records.getHousehold('H-3')).toBeNull();
    expect((await stores.records.listVillages('C-1')).map((v) => v.villageId)).toEqual(['V-001']);
    expect((await stores.records.listTownships('C-1')).map((t) => t.townshipId)).toEqual(['T-01']);
    expect((await stores.records.listUnits('C-1')).map((u) => u.unitId)).toEqual(['U-01']);
    for (const [type, id] of [['household', 'H-2'], ['household', 'H-3'], ['village', 'V-002']] as const) expect(await subjects(stores, type, id)).toEqual([]);
    expect((await stores.runs.listVillageTallies('2018Q3', 'C-1')).map((t) => t.villageId)).toEqual(['V-001']);
  });

  it('leaves counties the dataset does not hold untouched', async () => {
    const stores = createMemoryStores();
    await scoreDataset(stores, context, registry([], 'C-2'), options('other'));
    const before = await stores.verdicts.listPartitionVerdicts('C-2/V-001', 2018);
    const imported = await importDataset(stores, registry(['H-2']));
    expect(imported.removed?.villages).toEqual([]);
    expect((await stores.records.listHouseholds('C-2/V-001')).map((h) => h.householdId)).toEqual(['C-2/H-1', 'C-2/H-2']);
    expect(await stores.verdicts.listPartitionVerdicts('C-2/V-001', 2018)).toEqual(before);
  });

  it('keeps a record whose new row was rejected: the dataset still holds it, unreadable', async () => {
    const stores = createMemoryStores();
    await importDataset(stores, registry());
    const bad = { ...registry(['H-2']), rejected: [{ file: 'households.jsonl', line: 2, field: 'incomePerCapita', reason: 'expected a number, got "abc"', id: 'H-2' }] };
    expect((await importDataset(stores, bad)).removed?.villages).toEqual([]);
    expect(await stores.records.getHousehold('H-2')).not.toBeNull();
  });

  it('removes nothing as an upsert (a partial correction)', async () => {
    const stores = createMemoryStores();
    await importDataset(stores, registry());
    expect((await importDataset(stores, registry(['H-2', 'V-002', 'H-3']), undefined, 'upsert')).removed).toBeNull();
    expect((await stores.records.listHouseholds('V-001')).map((h) => h.householdId)).toEqual(['H-1', 'H-2']);
    expect(await stores.records.getVillage('V-002')).not.toBeNull();
  });

  it('is finished by running it again after an interruption', async () => {
    const stores = createMemoryStores();
    await scoreDataset(stores, context, registry(), options('first'));
    // The process dies between deleting V-002's households and deleting its tallies and record.
    const runs = new Proxy(stores.runs, {
      get: (target, name) => (name === 'deleteVillageTallies' ? () => Promise.reject(new Error('interrupted')) : (Reflect.get(target, name) as () => unknown).bind(target)),
    });
    const failing: Stores = { ...stores, runs };
    await expect(importDataset(failing, registry(['V-002', 'H-3']))).rejects.toThrow('interrupted');
    const again = await importDataset(stores, registry(['V-002', 'H-3']));
    expect(again.removed?.villages).toEqual([{ countyId: 'C-1', villageId: 'V-002', villageRemoved: true, householdIds: [] }]);
    expect(await stores.records.getVillage('V-002')).toBeNull();
    expect(await subjects(stores, 'village', 'V-002')).toEqual([]);
    expect(await stores.runs.listVillageTallies('2018Q3', 'C-1')).toHaveLength(1);
  });
});

describe('the county roll-up', () => {
  it('ignores a tally the store still holds for a village the county no longer has', async () => {
    const alone = await scoreDataset(createMemoryStores(), context, registry(), options('alone'));
    const stores = createMemoryStores();
    await scoreDataset(stores, context, registry(), options('first'));
    const [tally] = await stores.runs.listVillageTallies('2018Q3', 'C-1');
    await stores.runs.putVillageTally({ ...tally!, villageId: 'V-GONE', population: { remainingPoor: 900, exitedPopulation: 0, registeredPopulation: 900 } });
    const again = await scoreDataset(stores, context, registry(), options('again'));
    expect(again.output).toEqual(alone.output);
  });
});

describe('scoring a dataset in a store that holds another one', () => {
  it('gives the verdicts, scores and lists the dataset gives alone', async () => {
    const alone = await scoreDataset(createMemoryStores(), context, await readDatasetFolder(EXAMPLE), options('alone'));
    const shared = createMemoryStores();
    await scoreDataset(shared, context, registry(), options('before'));
    const after = await scoreDataset(shared, context, await readDatasetFolder(EXAMPLE), options('after'));
    expect(after.output).toEqual(alone.output);
    expect(after.output.verdicts.some((v) => v.subjectId === 'H-1')).toBe(false);
  });
});

describe('a first snapshot import of a county', () => {
  /** The stores, counting the villages whose households are read back: `ids:` their ids only, `records:` the whole records. */
  function counting(): { stores: Stores; reads: string[] } {
    const stores = createMemoryStores();
    const reads: string[] = [];
    const listHouseholds = stores.records.listHouseholds.bind(stores.records);
    const listHouseholdIds = stores.records.listHouseholdIds.bind(stores.records);
    stores.records.listHouseholds = async (villageId) => {
      reads.push(`records:${villageId}`);
      return listHouseholds(villageId);
    };
    stores.records.listHouseholdIds = async (villageId) => {
      reads.push(`ids:${villageId}`);
      return listHouseholdIds(villageId);
    };
    return { stores, reads };
  }

  it('reads no household back: villages new to the store hold only what it just wrote', async () => {
    const { stores, reads } = counting();
    const imported = await importDataset(stores, registry());
    expect(reads).toEqual([]);
    expect(imported.removed?.villages).toEqual([]);
    expect((await stores.records.listHouseholds('V-001')).map((h) => h.householdId)).toEqual(['H-1', 'H-2']);
  });

  it('still reads and prunes the villages the store held before, by their household ids alone', async () => {
    const { stores, reads } = counting();
    await importDataset(stores, registry());
    const second = await importDataset(stores, registry(['H-2']));
    expect(reads.sort()).toEqual(['ids:V-001', 'ids:V-002']);
    expect(second.removed?.villages.map((v) => [v.villageId, v.householdIds])).toEqual([['V-001', ['H-2']]]);
  });
});
