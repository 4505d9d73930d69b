import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCardHistory, type CardedUnit } from './card-history.js';
import type {
  CardHistoryRecord,
  CountyRecord,
  HouseholdRecord,
  TownshipRecord,
  UnitRecord,
  VillageRecord,
} from './dataset-records.js';
import { generateHousehold } from './household-generator.js';
import { JsonlWriter } from './jsonl-writer.js';
import { Prng } from './prng.js';
import { resolveOptions, type ProvinceOptions } from './province-options.js';
import { planProvince, type CountyPlan, type VillagePlan } from './province-plan.js';

export const datasetFiles = [
  'counties.jsonl',
  'townships.jsonl',
  'villages.jsonl',
  'units.jsonl',
  'households.jsonl',
  'card-history.jsonl',
] as const;
export type DatasetFile = (typeof datasetFiles)[number];

export type ProvinceRecord =
  | { file: 'counties.jsonl'; record: CountyRecord }
  | { file: 'townships.jsonl'; record: TownshipRecord }
  | { file: 'villages.jsonl'; record: VillageRecord }
  | { file: 'units.jsonl'; record: UnitRecord }
  | { file: 'households.jsonl'; record: HouseholdRecord }
  | { file: 'card-history.jsonl'; record: CardHistoryRecord };

// Keys of the independent PRNG streams (the plan uses 1 and 2).
const HOUSEHOLD_STREAM = 3;
const HISTORY_STREAM = 4;

function villageRecord(village: VillagePlan, listedMembers: number): VillageRecord {
  // Villagers outside the households file (non-registered families) make the population larger.
  const population = listedMembers + Math.round(Math.max(listedMembers, 20) * village.unlistedPerMember);
  return {
    villageId: village.villageId,
    townshipId: village.townshipId,
    countyId: village.countyId,
    name: village.name,
    ruralRegisteredPopulation: village.populationMissing ? null : population,
    collectiveIncome: village.collectiveIncome,
    hasHardenedRoad: village.hasHardenedRoad,
    hasStandardClinic: village.hasStandardClinic,
    hasCultureRoom: village.hasCultureRoom,
    hasNetwork: village.hasNetwork,
    assistingUnitId: village.assistingUnitId,
  };
}

function* countyRecords(county: CountyPlan, listed: ReadonlyMap<string, number>): Generator<ProvinceRecord> {
  const villages = county.villages.map((v) => villageRecord(v, listed.get(v.villageId) ?? 0));
  const sum = county.villages.reduce(
    (total, v) => total + (listed.get(v.villageId) ?? 0) + Math.round(Math.max(listed.get(v.villageId) ?? 0, 20) * v.unlistedPerMember),
    0,
  );
  yield {
    file: 'counties.jsonl',
    record: {
      countyId: county.countyId,
      name: county.name,
      province: county.province,
      region: county.region,
      ruralRegisteredPopulation: Math.round(sum * (1 + county.populationSlack)),
      // An absent survey is left out of the line (docs/data-contract.md: `survey` may be absent).
      survey: county.survey ?? undefined,
    },
  };
  for (const { performance: _, ...township } of county.townships) yield { file: 'townships.jsonl', record: township };
  for (const record of villages) yield { file: 'villages.jsonl', record };
  for (const { performance: _, ...unit } of county.units) yield { file: 'units.jsonl', record: unit };
}

/**
 * Generates a synthetic province lazily: households first (one PRNG stream each, so nothing
 * about earlier households is kept but a member count per village), then counties, townships,
 * villages, units and card history, whose populations need those counts. Same options, same
 * records, in the same order.
 */
export function* generateProvince(options: ProvinceOptions): Generator<ProvinceRecord> {
  const resolved = resolveOptions(options);
  const plan = planProvince(resolved);
  const listed = new Map<string, number>();
  let index = 0;
  for (const county of plan) {
    for (const village of county.villages) {
      const ctx = { ...resolved, quality: village.quality, poorShareFactor: village.poorShareFactor };
      const width = Math.max(4, String(village.households).length);
      let members = 0;
      for (let h = 1; h <= village.households; h += 1) {
        const prng = new Prng(resolved.seed, HOUSEHOLD_STREAM, index);
        index += 1;
        const record = generateHousehold(prng, ctx, `${village.villageId}-${String(h).padStart(width, '0')}`, village.villageId);
        members += record.members.length;
        yield { file: 'households.jsonl', record };
      }
      listed.set(village.villageId, members);
    }
  }
  for (const county of plan) yield* countyRecords(county, listed);
  for (const [countyIndex, county] of plan.entries()) {
    const quality = (ofUnit: (v: VillagePlan) => boolean): number => {
      const own = county.villages.filter(ofUnit);
      return own.reduce((sum, v) => sum + v.quality, 0) / Math.max(1, own.length);
    };
    const units: CardedUnit[] = [
      ...county.townships.map((t) => ({
        unitType: 'township' as const,
        unitId: t.townshipId,
        villageQuality: quality((v) => v.townshipId === t.townshipId),
      })),
      ...county.units.map((u) => ({
        unitType: 'assisting-unit' as const,
        unitId: u.unitId,
        villageQuality: quality((v) => v.assistingUnitId === u.unitId),
      })),
    ];
    const prng = new Prng(resolved.seed, HISTORY_STREAM, countyIndex);
    for (const record of generateCardHistory(prng, units, resolved.year, resolved.quarterOfYear)) {
      yield { file: 'card-history.jsonl', record };
    }
  }
}

/**
 * Writes the dataset folder (the six JSON Lines files of docs/data-contract.md) under `outDir`, streaming
 * every line through a write stream with backpressure. Returns the number of lines per file.
 */
export async function writeProvince(
  options: ProvinceOptions,
  outDir: string,
): Promise<{ counts: Record<DatasetFile, number> }> {
  const records = generateProvince(options);
  // Validate the options before anything is created on disk.
  const first = records.next();
  await mkdir(outDir, { recursive: true });
  const writers = new Map(datasetFiles.map((file) => [file, new JsonlWriter(join(outDir, file))] as const));
  try {
    for (let item = first; !item.done; item = records.next()) {
      await (writers.get(item.value.file) as JsonlWriter).write(item.value.record);
    }
  } finally {
    await Promise.all([...writers.values()].map((w) => w.close()));
  }
  const counts = Object.fromEntries(datasetFiles.map((file) => [file, (writers.get(file) as JsonlWriter).count]));
  return { counts: counts as Record<DatasetFile, number> };
}
