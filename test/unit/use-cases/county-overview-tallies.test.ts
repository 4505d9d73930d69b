import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../src/adapters/file/read-dataset-folder.js';
import { EVALUATORS } from '../../../src/engine/evaluators.js';
import type { Stores } from '../../../src/ports/stores.js';
import { seedRuleSets } from '../../../src/use-cases/seed-rule-sets.js';
import { StoreRuleSetSource } from '../../../src/adapters/rule-sets/store-rule-set-source.js';
import { createScoringContext } from '../../../src/use-cases/scoring-context.js';
import { useDynalite } from '../../helpers/dynalite.js';
import { repositoryRuleSets } from '../../helpers/repository-rule-sets.js';
import { countyOverview, type CountyOverview } from '../../../src/use-cases/reading/county-overview.js';
import { importDataset } from '../../../src/use-cases/import/import-dataset.js';
import { runNightly } from '../../../src/use-cases/nightly/run-nightly.js';

const EXAMPLE = fileURLToPath(new URL('../../fixtures/example', import.meta.url));
const QUARTER = '2018Q4';
const PROFILE = ['income', 'education', 'medical', 'housing', 'water', 'electricity', 'radio-tv'];
const dynamo = useDynalite();
let stores: Stores;
let countyIds: string[];

beforeAll(async () => {
  stores = dynamo.stores();
  const dataset = await readDatasetFolder(EXAMPLE);
  countyIds = dataset.counties.map((county) => county.countyId).sort();
  await importDataset(stores, dataset);
  await seedRuleSets(stores.ruleSets, await repositoryRuleSets(), new Date('2026-01-01T00:00:00Z'));
  const context = createScoringContext(await new StoreRuleSetSource(stores.ruleSets).inForce(QUARTER), QUARTER, EVALUATORS.compiled);
  await runNightly(stores, context, { runId: 'overview-test', now: () => new Date('2026-01-01T00:00:00Z') });
});

const withoutSources = ({ sources: _, ...overview }: CountyOverview) => overview;

describe('the county overview read from the village tallies', () => {
  it('reads every village from its tally, and gives what reading every verdict gives', async () => {
    for (const countyId of countyIds) {
      const fromTallies = await countyOverview(stores, countyId, QUARTER);
      const villages = await stores.records.listVillages(countyId);
      expect(fromTallies.sources).toEqual({ tallies: villages.length, verdicts: 0 });
      // A tally written before the overview's sums existed: the overview falls back to the verdicts.
      const tallies = await stores.runs.listVillageTallies(QUARTER, countyId);
      for (const tally of tallies) {
        const { overview: _, ...older } = tally;
        await stores.runs.putVillageTally(older);
      }
      const fromVerdicts = await countyOverview(stores, countyId, QUARTER);
      expect(fromVerdicts.sources).toEqual({ tallies: 0, verdicts: villages.length });
      expect(withoutSources(fromTallies)).toEqual(withoutSources(fromVerdicts));
      for (const tally of tallies) await stores.runs.putVillageTally(tally);
    }
  });

  it("gives the county's H, A and M0 as counted from its household-exit verdicts", async () => {
    for (const countyId of countyIds) {
      const overview = await countyOverview(stores, countyId, QUARTER);
      let counted = 0;
      let unknown = 0;
      const shares: number[] = [];
      for (const village of await stores.records.listVillages(countyId)) {
        for (const verdict of await stores.verdicts.listPartitionVerdicts(village.villageId, 2018)) {
          if (verdict.ruleSetId !== 'household-exit') continue;
          const items = verdict.items.filter((item) => PROFILE.includes(item.id));
          if (items.some((item) => item.outcome === 'unknown')) {
            unknown += 1;
            continue;
          }
          counted += 1;
          const failing = items.filter((item) => item.outcome === 'fail').length;
          if (failing >= 1) shares.push(failing / 7);
        }
      }
      const profile = overview.deprivation;
      expect(profile.unavailable).toBeNull();
      expect(profile.county).toMatchObject({ counted, unknown, poor: shares.length });
      expect(profile.county!.headcount).toBeCloseTo(shares.length / counted, 12);
      expect(profile.county!.intensity).toBeCloseTo(shares.reduce((a, b) => a + b, 0) / shares.length, 12);
      expect(profile.county!.adjustedHeadcount).toBeCloseTo(shares.reduce((a, b) => a + b, 0) / counted, 12);
      const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
      expect(sum(profile.items.map((item) => item.contribution))).toBeCloseTo(1, 12);
      expect(sum(profile.villages.map((village) => village.contribution))).toBeCloseTo(1, 12);
      expect(sum(profile.townships.map((township) => township.contribution))).toBeCloseTo(1, 12);
      expect(profile.items.map((item) => item.id)).toEqual(PROFILE);
      expect(profile.items.every((item) => item.label !== null)).toBe(true);
    }
  });

  it('gives no measures, and says why, where the household-exit version has no deprivation parameters', async () => {
    const countyId = countyIds[0]!;
    for (const tally of await stores.runs.listVillageTallies(QUARTER, countyId)) {
      await stores.runs.putVillageTally({ ...tally, overview: { ...tally.overview!, deprivation: { problem: 'no-parameters' } } });
    }
    const overview = await countyOverview(stores, countyId, QUARTER);
    expect(overview.deprivation).toMatchObject({ unavailable: 'no-parameters', county: null, items: [], villages: [] });
  });
});
